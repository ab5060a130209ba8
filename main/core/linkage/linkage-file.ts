// Files for linkage (情報提供等記録, the J-LIS 本人確認 answer) are read with the imports reader
// (CP932 / UTF-8, quoting, limits). They must start with their heading line: the reader drops a
// first line it takes for a heading, so checking the heading ourselves means no data row is lost.
import { readFileSync, statSync } from 'node:fs';
import { KuraError } from '../../../shared/errors';
import { DEFAULT_LIMITS, ImportFileError, parseImportBytes, type FileScanner, type ReadFile } from '../imports';

export type LinkageLine = ReadFile['records'][number];
export type LinkageFile = { lines: LinkageLine[]; digest: string };

function firstLine(bytes: Buffer): string {
  const end = bytes.indexOf(0x0a);
  let head = bytes.subarray(0, end === -1 ? Math.min(bytes.length, 4096) : end);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
  const utf8 = new TextDecoder('utf-8').decode(head);
  return utf8.includes('\ufffd') ? new TextDecoder('shift_jis').decode(head) : utf8;
}

function refused(e: ImportFileError): KuraError {
  const { ja, en } = e.describe();
  return new KuraError('linkage_file_refused', { detail: `${ja} ${en}` });
}

/** heading: labels the first line must all carry (one label could also appear in a data line). */
/** MD-5: the bytes are virus-checked before anything parses them; a finding stops the read. */
export async function readLinkageFile(path: string, heading: readonly string[], scanner: FileScanner): Promise<LinkageFile> {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > DEFAULT_LIMITS.maxFileBytes) throw new ImportFileError('too_large', { size: (size / 1048576).toFixed(1), max: Math.floor(DEFAULT_LIMITS.maxFileBytes / 1048576) });
    bytes = readFileSync(path);
  } catch (e) {
    throw refused(e instanceof ImportFileError ? e : new ImportFileError('not_readable'));
  }
  let verdict;
  try {
    verdict = await scanner.scan(bytes);
  } catch (e) {
    throw refused(e instanceof ImportFileError ? e : new ImportFileError('scan_failed', { detail: 'scanner' }));
  }
  if (!verdict.clean) throw refused(new ImportFileError('virus_found', { signature: verdict.signature }));
  const first = firstLine(bytes);
  if (!heading.every((label) => first.includes(label))) throw new KuraError('linkage_header_missing', { expected: heading.join('、') });
  try {
    const read = await parseImportBytes(bytes, DEFAULT_LIMITS);
    return { lines: read.records, digest: read.digest };
  } catch (e) {
    if (e instanceof ImportFileError) throw refused(e);
    throw e;
  }
}
