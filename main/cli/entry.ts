// Process entry of kura-admin: exit codes, and no stack trace for the operator.
import { main } from './kura-admin';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error && e.name === 'KuraError' ? e.message : 'kura-admin: 予期しないエラー / unexpected error');
    process.exit(1);
  },
);
