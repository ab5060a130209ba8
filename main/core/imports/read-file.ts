// Bytes → rows. The format is sniffed from the content (a .csv named .xlsx is still a CSV), the
// encoding is detected and reported, and every limit gives a refusal the clerk can act on.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parseCsv, type RawRecord } from './csv';
import { decodeText, type TextEncoding } from './decode';
import { ImportFileError } from './file-problems';
import { isHeader } from './layouts';
import type { ImportLimits } from './limits';
import { readXlsx } from './xlsx';

export type FileFormat = 'csv' | 'xlsx';
export type FileEncoding = TextEncoding | 'xlsx';

export const ENCODING_LABELS: Record<FileEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（BOM付き）',
  cp932: 'Shift_JIS（CP932）',
  xlsx: 'Excel（.xlsx）',
};

export type ReadFile = {
  format: FileFormat;
  encoding: FileEncoding;
  /** Data rows, header removed, in file order. */
  records: RawRecord[];
  /** SHA-256 of the bytes read (base64url), for the log: which file this was. */
  digest: string;
  bytes: number;
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// OLE compound file: legacy .xls, and every password-protected Office file.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

export function readBytes(path: string, limits: ImportLimits): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new ImportFileError('not_readable');
  }
  // Checked before reading, so a huge file never enters memory.
  if (size > limits.maxFileBytes) {
    throw new ImportFileError('too_large', { size: (size / 1048576).toFixed(1), max: Math.floor(limits.maxFileBytes / 1048576) });
  }
  try {
    return readFileSync(path);
  } catch {
    throw new ImportFileError('not_readable');
  }
}

export async function parseImportBytes(bytes: Buffer, limits: ImportLimits): Promise<ReadFile> {
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportFileError('too_large', { size: (bytes.length / 1048576).toFixed(1), max: Math.floor(limits.maxFileBytes / 1048576) });
  }
  if (bytes.length === 0) throw new ImportFileError('empty');
  const digest = createHash('sha256').update(bytes).digest('base64url');
  let format: FileFormat;
  let encoding: FileEncoding;
  let records: RawRecord[];
  if (startsWith(bytes, ZIP_MAGIC)) {
    format = 'xlsx';
    encoding = 'xlsx';
    records = await readXlsx(bytes, limits);
  } else if (startsWith(bytes, CFB_MAGIC)) {
    throw new ImportFileError('xlsx_encrypted');
  } else {
    const decoded = decodeText(bytes);
    format = 'csv';
    encoding = decoded.encoding;
    records = parseCsv(decoded.text, limits, decoded.badLines);
  }
  if (records.length > 0 && isHeader(records[0]!)) records = records.slice(1);
  if (records.length === 0) throw new ImportFileError('no_rows');
  if (records.length > limits.maxRows) throw new ImportFileError('too_many_rows', { max: limits.maxRows });
  return { format, encoding, records, digest, bytes: bytes.length };
}
