// .xlsx as a table of text: the first worksheet, shared and inline strings, numbers as written.
// A spreadsheet is a zip of XML, so it is read as hostile: declared sizes, expansion ratios and the
// bytes actually inflated are all capped (zip bombs), and XML with a DTD is refused (entity bombs).
import { Uint8ArrayReader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import { XMLParser } from 'fast-xml-parser';
import type { RawRecord } from './csv';
import { ImportFileError } from './file-problems';
import type { ImportLimits } from './limits';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Cell text stays text: "0123" must not become 123.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: false,
  isArray: (name) => ['row', 'c', 'si', 'r', 'sheet', 'Relationship'].includes(name),
});

function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function child(node: unknown, name: string): unknown {
  return isNode(node) ? node[name] : undefined;
}
function children(node: unknown, name: string): unknown[] {
  const v = child(node, name);
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}
function attr(node: unknown, name: string): string | undefined {
  const v = child(node, `@_${name}`);
  return typeof v === 'string' ? v : undefined;
}
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  const t = child(node, '#text');
  return typeof t === 'string' || typeof t === 'number' ? String(t) : '';
}
/** <si> or <is>: a plain <t>, or rich-text runs <r><t>. */
function richText(node: unknown): string {
  const t = child(node, 't');
  if (t !== undefined) return textOf(t);
  return children(node, 'r').map((r) => textOf(child(r, 't'))).join('');
}

function parseXml(text: string, part: string): XmlNode {
  if (/<!DOCTYPE/i.test(text)) throw new ImportFileError('xlsx_invalid', { detail: `${part}: DTD` });
  try {
    const doc: unknown = parser.parse(text);
    if (!isNode(doc)) throw new Error('not XML');
    return doc;
  } catch {
    throw new ImportFileError('xlsx_invalid', { detail: part });
  }
}

/** Column letters of a cell reference (B12 → 1). */
function columnIndex(ref: string | undefined, fallback: number): number {
  const m = ref ? /^([A-Z]{1,3})\d+$/.exec(ref) : null;
  if (!m) return fallback;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Numbers come back as Excel stored them; an integer in exponent form is written out in full. */
function numberText(v: string): string {
  if (/^-?\d+(?:\.\d+)?[eE][+-]?\d+$/.test(v)) {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return String(n);
  }
  return v;
}

class ZipBudget {
  private expanded = 0;
  constructor(private readonly limits: ImportLimits) {}

  /** Refuses before inflating when the central directory already announces a bomb. */
  checkDeclared(entries: Entry[]): void {
    if (entries.length > this.limits.xlsxMaxEntries) throw new ImportFileError('xlsx_bomb');
    let total = 0;
    for (const e of entries) {
      if (e.encrypted) throw new ImportFileError('xlsx_encrypted');
      const size = e.uncompressedSize ?? 0;
      total += size;
      const ratio = size / Math.max(1, e.compressedSize ?? 0);
      if (size > 1024 * 1024 && ratio > this.limits.xlsxMaxRatio) throw new ImportFileError('xlsx_bomb');
    }
    if (total > this.limits.xlsxMaxExpandedBytes) throw new ImportFileError('xlsx_bomb');
  }

  /** Inflates one entry, counting real bytes: a header that understates its size is caught here. */
  async read(entry: FileEntry): Promise<string> {
    const declared = entry.uncompressedSize ?? 0;
    const cap = Math.min(declared, this.limits.xlsxMaxExpandedBytes - this.expanded);
    const chunks: Uint8Array[] = [];
    let actual = 0;
    let overrun = false;
    const sink = new WritableStream<Uint8Array>({
      write: (chunk) => {
        actual += chunk.length;
        if (actual > cap) {
          overrun = true;
          throw new Error('expanded beyond its declared size');
        }
        chunks.push(chunk);
      },
    });
    try {
      await entry.getData(sink, { checkCrc32: true });
    } catch (e) {
      // zip.js also stops an entry that inflates past its declared size: the same lie.
      if (overrun || /uncompressed size/i.test(String(e))) throw new ImportFileError('xlsx_bomb');
      throw new ImportFileError('xlsx_invalid', { detail: entry.filename });
    }
    if (overrun) throw new ImportFileError('xlsx_bomb');
    this.expanded += actual;
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  }
}

export async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<RawRecord[]> {
  const zip = new ZipReader(new Uint8ArrayReader(bytes), { useWebWorkers: false });
  try {
    let entries: Entry[];
    try {
      entries = await zip.getEntries();
    } catch {
      throw new ImportFileError('xlsx_invalid', { detail: 'zip' });
    }
    const budget = new ZipBudget(limits);
    budget.checkDeclared(entries);
    const files = new Map(entries.filter((e): e is FileEntry => !e.directory).map((e) => [e.filename, e]));
    const readPart = async (name: string): Promise<XmlNode | null> => {
      const entry = files.get(name);
      return entry ? parseXml(await budget.read(entry), name) : null;
    };

    const workbook = await readPart('xl/workbook.xml');
    if (!workbook) throw new ImportFileError('xlsx_invalid', { detail: 'xl/workbook.xml' });
    const firstSheet = children(child(child(workbook, 'workbook'), 'sheets'), 'sheet')[0];
    const relId = attr(firstSheet, 'r:id');
    const rels = await readPart('xl/_rels/workbook.xml.rels');
    const rel = children(child(rels, 'Relationships'), 'Relationship').find((r) => attr(r, 'Id') === relId);
    const target = attr(rel, 'Target') ?? 'worksheets/sheet1.xml';
    const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;

    const sst = await readPart('xl/sharedStrings.xml');
    const shared = children(child(sst, 'sst'), 'si').map(richText);
    const sheet = await readPart(sheetPath);
    if (!sheet) throw new ImportFileError('xlsx_invalid', { detail: sheetPath });
    return sheetRecords(sheet, shared, limits);
  } finally {
    await zip.close();
  }
}

function sheetRecords(sheet: XmlNode, shared: string[], limits: ImportLimits): RawRecord[] {
  const records: RawRecord[] = [];
  const rows = children(child(child(sheet, 'worksheet'), 'sheetData'), 'row');
  if (rows.length > limits.maxRows + 1) throw new ImportFileError('too_many_rows', { max: limits.maxRows });
  rows.forEach((row, rowIndex) => {
    const lineNo = Number(attr(row, 'r') ?? rowIndex + 1);
    const cells: string[] = [];
    const problems = new Set<RawRecord['problems'][number]>();
    let cellCount = 0;
    children(row, 'c').forEach((c, i) => {
      const col = columnIndex(attr(c, 'r'), i);
      if (col >= limits.maxColumns) {
        cellCount = Math.max(cellCount, col + 1);
        return;
      }
      const type = attr(c, 't');
      const v = textOf(child(c, 'v'));
      let value: string;
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = richText(child(c, 'is'));
      else if (type === 'str' || type === 'b' || type === 'e') value = v;
      else value = numberText(v);
      if (value.length > limits.maxCellChars) {
        value = value.slice(0, limits.maxCellChars);
        problems.add('cell_length');
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
      cellCount = Math.max(cellCount, col + 1);
    });
    if (cells.every((v) => v.trim() === '') && cellCount <= limits.maxColumns) return;
    records.push({ lineNo, cells, cellCount, problems: [...problems], sparse: true });
  });
  return records;
}
