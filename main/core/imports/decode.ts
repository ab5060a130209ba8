// DQ-2: employer CSVs arrive in Shift_JIS (CP932) or UTF-8, with or without BOM. The encoding is
// detected, not guessed from the file name, and reported; lines in another encoding than the
// file's (a merged file) are marked so their rows become errors instead of silent mojibake.
import iconv from 'iconv-lite';
import { ImportFileError } from './file-problems';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'cp932';

export type DecodedText = {
  encoding: TextEncoding;
  text: string;
  /** Physical line numbers (1-based) that are not valid in the file's encoding. */
  badLines: Set<number>;
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

function decodeCp932(bytes: Uint8Array): { text: string; valid: boolean } {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  return { text, valid: !text.includes('\ufffd') };
}

/** NUL bytes or many control characters: a binary file (executable, image, zip without PK header...). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) control++;
  }
  return control > sample.length / 100;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new ImportFileError('utf16');
  if (looksBinary(bytes)) throw new ImportFileError('binary');
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  // The common case costs one pass: the whole file is valid UTF-8.
  if (isValidUtf8(body)) return { encoding: hasBom ? 'utf-8-bom' : 'utf-8', text: strictUtf8.decode(body), badLines: new Set() };

  // Otherwise classify each line. Valid UTF-8 is tested first: CP932 kana and kanji are almost
  // never valid UTF-8, while UTF-8 bytes often decode as (wrong) CP932 characters.
  const lines = splitLines(body);
  const kinds = lines.map((line): 'ascii' | 'utf8' | 'cp932' | 'bad' => {
    if (isAscii(line)) return 'ascii';
    if (isValidUtf8(line)) return 'utf8';
    return decodeCp932(line).valid ? 'cp932' : 'bad';
  });
  const utf8Votes = kinds.filter((k) => k === 'utf8').length;
  const cp932Votes = kinds.filter((k) => k === 'cp932').length;
  if (utf8Votes === 0 && cp932Votes === 0) throw new ImportFileError('undecodable');
  // A BOM is the writer's own statement that the file is UTF-8.
  const encoding: TextEncoding = hasBom ? 'utf-8-bom' : utf8Votes > cp932Votes ? 'utf-8' : 'cp932';
  const wanted = encoding === 'cp932' ? 'cp932' : 'utf8';
  const badLines = new Set<number>();
  const texts = lines.map((line, i) => {
    const kind = kinds[i]!;
    if (kind !== 'ascii' && kind !== wanted) badLines.add(i + 1);
    return encoding === 'cp932' ? decodeCp932(line).text : new TextDecoder('utf-8').decode(line);
  });
  return { encoding, text: texts.join('\n'), badLines };
}
