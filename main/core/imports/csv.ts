// RFC 4180 CSV with what Excel and hand-made files add: CRLF, LF or CR line ends, quoted fields
// holding commas and newlines, "" inside quotes. Nothing here throws on bad content: a broken row
// carries its problem to validation, and only the row ceiling stops the file.
import { ImportFileError } from './file-problems';
import type { ImportLimits } from './limits';

export type RecordProblem = 'encoding' | 'cell_length' | 'unterminated_quote';

/** One record as read: cells as text, the physical line it started on, and what went wrong reading it. */
export type RawRecord = {
  lineNo: number;
  cells: string[];
  /** Cells the record really had (cells keeps at most limits.maxColumns). */
  cellCount: number;
  problems: RecordProblem[];
  /** A spreadsheet row: empty trailing cells are simply not written, so fewer cells is normal. */
  sparse?: boolean;
};

type Limits = Pick<ImportLimits, 'maxRows' | 'maxColumns' | 'maxCellChars'>;

export function parseCsv(text: string, limits: Limits, badLines: ReadonlySet<number> = new Set()): RawRecord[] {
  const records: RawRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;

  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    const problems = new Set<RecordProblem>();
    let cellCount = 0;
    let lastLine = line;
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (text.charCodeAt(i) === 0x22 /* " */) {
        i++;
        let closed = false;
        let chunkStart = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 0x22) {
            value += text.slice(chunkStart, i);
            if (text.charCodeAt(i + 1) === 0x22) {
              value += '"';
              i += 2;
              chunkStart = i;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === 0x0a) line++;
          i++;
        }
        if (!closed) {
          value += text.slice(chunkStart, i);
          problems.add('unterminated_quote');
        }
      }
      // Unquoted text, or whatever follows a closing quote up to the delimiter (kept, not dropped).
      const rest = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x2c || c === 0x0a || c === 0x0d) break;
        i++;
      }
      value += text.slice(rest, i);
      cellCount++;
      if (value.length > limits.maxCellChars) {
        value = value.slice(0, limits.maxCellChars);
        problems.add('cell_length');
      }
      if (cells.length < limits.maxColumns) cells.push(value);

      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === 0x2c) {
        i++;
      } else {
        lastLine = line;
        if (c === 0x0d) i++;
        // Line numbers count LF only, as decodeText does, so badLines map onto records.
        if (i < n && text.charCodeAt(i) === 0x0a) {
          i++;
          line++;
        }
        endOfRecord = true;
      }
    }
    // Blank lines (often at the end of a file) are not rows.
    if (cellCount === 1 && cells[0]!.trim() === '') continue;
    for (let l = startLine; l <= lastLine; l++) {
      if (badLines.has(l)) {
        problems.add('encoding');
        break;
      }
    }
    records.push({ lineNo: startLine, cells, cellCount, problems: [...problems] });
    if (records.length > limits.maxRows + 1) throw new ImportFileError('too_many_rows', { max: limits.maxRows });
  }
  return records;
}
