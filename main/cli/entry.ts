// Process entry of kura-admin: exit codes, and no stack trace for the operator.
import { KuraError } from '../../shared/errors';
import { main } from './kura-admin';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // A refusal from below the router (a store that will not open, a locked key): its message, exit 2.
    if (e instanceof KuraError) {
      console.error(`${e.messageIn('ja')}\n${e.messageIn('en')}`);
      process.exit(2);
    }
    // A file-system refusal (EACCES, ENOSPC, ...): its code only, never a path or a value.
    const code = typeof (e as { code?: unknown } | null)?.code === 'string' ? (e as { code: string }).code : '';
    if (/^E[A-Z]+$/.test(code)) {
      console.error(`kura-admin: データフォルダを読み書きできません / cannot read or write the data folder (${code})`);
      process.exit(2);
    }
    console.error('kura-admin: 予期しないエラー / unexpected error');
    process.exit(1);
  },
);
