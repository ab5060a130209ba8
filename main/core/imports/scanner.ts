// MD-5: data read from media is virus-checked before any byte of it is parsed; a finding stops the
// import. The scanner is an interface so a society can plug in the product it licenses; the default
// adapter runs ClamAV's clamscan. Anything but a clear "clean" stops the import (fail closed).
import { execFile } from 'node:child_process';
import { ImportFileError } from './file-problems';

export type ScanResult = { clean: true } | { clean: false; signature: string };

export interface FileScanner {
  /** Shown in the operation log: which product judged the file. */
  readonly name: string;
  /**
   * Judges exactly the bytes that will be parsed (no window for the file to change in between).
   * Resolves clean or a finding; throws ImportFileError('scan_failed') when it could not judge.
   */
  scan(bytes: Uint8Array): Promise<ScanResult>;
}

export type ClamAvOptions = {
  clamscanPath?: string;
  /** A signature database file or folder (-d); the system database when omitted. */
  databasePath?: string;
  /** Files up to this size are scanned in full (clamscan skips the rest of larger files by default). */
  maxFileBytes?: number;
  timeoutMs?: number;
};

export class ClamAvScanner implements FileScanner {
  readonly name = 'clamav';
  constructor(private readonly options: ClamAvOptions = {}) {}

  scan(bytes: Uint8Array): Promise<ScanResult> {
    const maxMb = Math.ceil((this.options.maxFileBytes ?? 64 * 1024 * 1024) / (1024 * 1024)) + 1;
    const args = ['--no-summary', '--stdout', `--max-filesize=${maxMb}M`, `--max-scansize=${maxMb * 4}M`];
    if (this.options.databasePath) args.push('-d', this.options.databasePath);
    // "-" reads the file's bytes from stdin: nothing is written to disk for the scan.
    args.push('-');
    return new Promise((resolve, reject) => {
      const child = execFile(this.options.clamscanPath ?? 'clamscan', args, { timeout: this.options.timeoutMs ?? 120_000, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (code === 0) return resolve({ clean: true });
        const found = /:\s*(\S+)\s+FOUND\s*$/m.exec(stdout);
        if (code === 1 && found) return resolve({ clean: false, signature: found[1]! });
        // Missing definitions, unreadable file, timeout: not judged, so not imported.
        const detail = (stderr.split('\n').find((l) => l.trim() !== '') ?? error?.message ?? `exit ${code}`).replace(/\d{12,}/g, '…').slice(0, 120);
        reject(new ImportFileError('scan_failed', { detail }));
      });
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(bytes);
    });
  }
}
