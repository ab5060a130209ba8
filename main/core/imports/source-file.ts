// DP-5: the employer's file holds My Numbers, so it is erased once its import is confirmed or
// abandoned. The bytes are overwritten before the unlink: on a magnetic disk or a simple USB stick
// that removes the content; on SSDs and wear-levelled flash only the OS-level encryption does (ops docs).
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';

export type Erasure = { deleted: boolean; detail: 'erased' | 'already_gone' | 'failed'; error?: string };

export function eraseSourceFile(path: string): Erasure {
  if (!existsSync(path)) return { deleted: true, detail: 'already_gone' };
  try {
    const fd = openSync(path, 'r+');
    try {
      const size = fstatSync(fd).size;
      const zeros = Buffer.alloc(Math.min(size, 1024 * 1024));
      for (let written = 0; written < size; ) written += writeSync(fd, zeros, 0, Math.min(zeros.length, size - written), written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(path);
    return { deleted: true, detail: 'erased' };
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'unknown';
    return { deleted: false, detail: 'failed', error: code };
  }
}
