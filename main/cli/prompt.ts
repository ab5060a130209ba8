// Passwords and numbers are read at a prompt (hidden) or from the environment for scripts, never from
// argv, where any process listing would show them.
import { createInterface } from 'node:readline';

export async function askSecret(question: string, envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    // Echo nothing while typing.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(s);
    };
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    rl.on('close', () => {
      if (!answered) reject(new PromptClosed(envName));
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/** Standard input ended before an answer: scripts must set the environment variable instead. */
export class PromptClosed extends Error {
  constructor(envName: string) {
    super(`入力がありません。${envName} を設定するか、端末から実行してください。/ No input: set ${envName} or run from a terminal.`);
  }
}
