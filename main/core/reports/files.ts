// DP-4: the only place reports touch the disk: <dataDir>/reports/, owner-only, random file names that
// carry no personal data. Content arrives here already sealed.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class ReportFiles {
  constructor(private readonly dir: string) {}

  newName(): string {
    return `${randomUUID()}.kura-report`;
  }

  write(name: string, sealed: Buffer): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, name);
    // Temporary name then rename, so a crash never leaves half a file under the record's name.
    writeFileSync(`${path}.tmp`, sealed, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  }

  read(name: string): Buffer | null {
    try {
      return readFileSync(join(this.dir, name));
    } catch {
      return null;
    }
  }

  /** Deletes the file; a file already gone is not an error (the record is removed either way). */
  remove(name: string): void {
    try {
      unlinkSync(join(this.dir, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}
