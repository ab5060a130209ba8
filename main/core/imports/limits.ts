// Files are dangerous input: every size the reader would otherwise trust has a ceiling.
export type ImportLimits = {
  /** Bytes of the file as it lies on the medium. */
  maxFileBytes: number;
  /** Data rows per file (the largest employers send ~100,000). */
  maxRows: number;
  /** Cells per row; more is a "wrong column count" row error, and the surplus is not kept. */
  maxColumns: number;
  /** Characters per cell: longer cells are cut and the row is an error. */
  maxCellChars: number;
  /** 23 未記入理由メモ桁数 (configurable per reference.md). */
  memoMaxChars: number;
  /** .xlsx: entries in the zip, total and per-entry expanded bytes, and expansion ratio. */
  xlsxMaxEntries: number;
  xlsxMaxExpandedBytes: number;
  xlsxMaxRatio: number;
};

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 64,
  maxCellChars: 500,
  memoMaxChars: 50,
  xlsxMaxEntries: 2_000,
  xlsxMaxExpandedBytes: 256 * 1024 * 1024,
  // Spreadsheet XML compresses 10–30x; a ratio in the hundreds is a bomb, not a staff list.
  xlsxMaxRatio: 150,
};
