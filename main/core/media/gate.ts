// The export gate: the only code in the main process that writes outside the store (DP-3, MD-4).
// It writes only into the root folder of a medium that identification accepted, only names it chose
// itself, and it wipes what it wrote (MD-7). The single-write-path test holds everyone else to that.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TOKEN_FILE } from './token';

/** Names the gate may create: the token and KURA-EXPORT-<request>.zip. Nothing derived from personal data. */
const GATE_NAME = /^(KURA-MEDIUM\.TOKEN|KURA-EXPORT-[A-Z0-9-]{1,40}\.zip)$/;

function target(mountPoint: string, name: string): string {
  if (!GATE_NAME.test(name) || basename(name) !== name) throw new Error(`export gate refuses the name ${JSON.stringify(name)}`);
  if (!statSync(mountPoint).isDirectory()) throw new Error('export gate: the mount point is not a folder');
  return join(mountPoint, name);
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export const exportGate = {
  /** Writes via a temporary name and renames, so a pulled stick never holds half a token. */
  writeToken(mountPoint: string, bytes: Uint8Array): void {
    const path = target(mountPoint, TOKEN_FILE);
    writeDurably(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
  },

  /** Writes the archive, then reads it back from the medium (not from memory) for verification. */
  writeArchive(mountPoint: string, name: string, bytes: Uint8Array): Buffer {
    const path = target(mountPoint, name);
    writeDurably(path, bytes);
    return readFileSync(path);
  },

  /**
   * MD-7: overwrite with random bytes, flush, then delete. On flash, wear levelling may keep old
   * blocks; the archive was AES-256 encrypted, so what could linger is ciphertext.
   * Returns the names that are still present afterwards (empty when the wipe worked).
   */
  wipe(mountPoint: string, names: readonly string[]): string[] {
    for (const name of names) {
      const path = target(mountPoint, name);
      if (!existsSync(path)) continue;
      const fd = openSync(path, 'r+');
      try {
        const size = fstatSync(fd).size;
        const chunk = 1 << 20;
        for (let offset = 0; offset < size; offset += chunk) writeSync(fd, randomBytes(Math.min(chunk, size - offset)), 0, Math.min(chunk, size - offset), offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      unlinkSync(path);
    }
    return names.filter((name) => existsSync(join(mountPoint, name)));
  },
};

/** Reading needs no gate, but it stays beside it so the medium layout lives in one place. */
export function readToken(mountPoint: string): Buffer | null {
  const path = join(mountPoint, TOKEN_FILE);
  try {
    return statSync(path).size <= 4096 ? readFileSync(path) : null;
  } catch {
    return null;
  }
}

export function listMediumFiles(mountPoint: string): { name: string; sizeBytes: number }[] {
  const files: { name: string; sizeBytes: number }[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else if (entry.isFile()) files.push({ name: rel, sizeBytes: statSync(join(dir, entry.name)).size });
    }
  };
  walk(mountPoint, '');
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
