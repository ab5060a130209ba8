// DP-5: the employer's file holds My Numbers, so it is erased once its import is confirmed or
// abandoned. The bytes are overwritten before the unlink: on a magnetic disk or a simple USB stick
// that removes the content; on SSDs and wear-levelled flash only the OS-level encryption does (ops docs).
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, fsyncSync, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export type Erasure = { deleted: boolean; detail: 'erased' | 'already_gone' | 'failed' | 'changed'; error?: string };

/**
 * Overwrites and deletes the file that was imported, and nothing else: the last path component must
 * not be a symbolic link (O_NOFOLLOW), it must be a regular file, and its content must still be the
 * content that was imported (sha256, base64url). A file swapped in since the preview is left alone.
 */
export function eraseSourceFile(path: string, expectedDigest: string): Erasure {
  if (!existsSync(path) && !isLink(path)) return { deleted: true, detail: 'already_gone' };
  try {
    const fd = openSync(path, constants.O_RDWR | constants.O_NOFOLLOW);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { deleted: false, detail: 'changed', error: 'not a regular file' };
      const digest = createHash('sha256').update(readFileSync(fd)).digest('base64url');
      if (digest !== expectedDigest) return { deleted: false, detail: 'changed', error: 'content differs from the imported file' };
      const zeros = Buffer.alloc(Math.min(stat.size, 1024 * 1024));
      for (let written = 0; written < stat.size; ) written += writeSync(fd, zeros, 0, Math.min(zeros.length, stat.size - written), written);
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

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
