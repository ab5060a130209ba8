// Files that the terminal reads for imports (employer files, linkage files): taken by their real path
// (symbolic links resolved), regular files only, never a file of the store itself; and a file on a
// removable drive only from a registered, identified medium on a designated terminal (MD-2, MD-3).
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { KuraError } from '../../../shared/errors';
import { describeProblem, type MediaProblem } from '../../core/media';
import type { Kura } from '../kura';
import { mediaDesk } from './media';

/**
 * The real path of an importable file, or invalid_input(path): not a regular file, or inside the store.
 * A path that does not exist goes on as it is, for the reader's "cannot open" answer.
 */
export function importablePath(dataDir: string, path: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return path;
  }
  if (!statSync(real).isFile()) throw new KuraError('invalid_input', { fields: 'path' });
  const rel = relative(realpathSync(dataDir), real);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw new KuraError('invalid_input', { fields: 'path' });
  return real;
}

export type SourceCheck = { ok: true; path: string } | { ok: false; problem: MediaProblem; message: { code: string; ja: string; en: string } };

/** importablePath, then MD-2: a path on a removable drive must be a registered, identified medium. */
export async function checkImportSource(kura: Kura, path: string): Promise<SourceCheck> {
  const real = importablePath(kura.store.dataDir, path);
  const source = await mediaDesk(kura).sourceCheck(real);
  if (!source.ok) return { ok: false, problem: source.problem, message: describeProblem(source.problem) };
  return { ok: true, path: real };
}
