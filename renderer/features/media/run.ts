// Media channels answer a domain refusal (an unregistered stick, a self-approval ...) as a value
// { ok: false, problem } inside a successful rpc result; the clerk sees problem.ja / problem.en in
// the same notice bar as any router refusal.
import type { Message } from '../../../shared/i18n';
import { useApp } from '../../app/store';

type Outcome = { ok: true } | { ok: false; problem: Message & { code: string } };

export async function runMedia<T extends Outcome>(action: () => Promise<T>): Promise<Extract<T, { ok: true }> | undefined> {
  const result = await useApp.getState().run(action);
  if (!result) return undefined;
  if (!result.ok) {
    const { problem } = result as Extract<Outcome, { ok: false }>;
    useApp.setState({ notice: { kind: 'error', message: { ja: problem.ja, en: problem.en } } });
    return undefined;
  }
  return result as Extract<T, { ok: true }>;
}
