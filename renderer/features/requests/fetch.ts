// A read that must not clear the notice bar: a panel reloading after an action keeps the sentence that
// says what the action did (run() clears the notice first). A refusal still shows as every refusal does.
import { toUiError } from '../../app/client';
import { handleRefusal } from '../../app/store';

export async function fetchQuietly<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (e) {
    handleRefusal(toUiError(e));
    return undefined;
  }
}
