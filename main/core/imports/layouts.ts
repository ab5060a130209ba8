// The record layouts of 別添1 (reference.md): which column holds which item.
import type { RawRecord } from './csv';

export type ImportKind = 'input' | 'update' | 'cancel';

/** One row's items as text. The number stays in `number` only until validation has normalised it. */
export type RowFields = {
  jigyoshoKigo: string;
  hihokenshaNo: string;
  kubun: string;
  zokugara: string;
  edaban: string;
  kanjiName: string;
  kanaName: string;
  birthDate: string;
  sex: string;
  gojitsu: string;
  number: string;
  mikinyuRiyu: string;
  memo: string;
  remarks: string;
};

type Layout = { columns: number; alsoAccepted: number[]; map: (c: (i: number) => string) => RowFields };

/** 事業所配布用個人番号入力データ: items 1–13; a file may carry the 14–27 result columns, which Kura recomputes. */
const INPUT: Layout = {
  columns: 13,
  alsoAccepted: [27],
  map: (c) => ({
    jigyoshoKigo: c(0), hihokenshaNo: c(1), kubun: c(2), zokugara: c(3), edaban: c(4), kanjiName: c(5), kanaName: c(6),
    birthDate: c(7), sex: c(8), gojitsu: c(9), number: c(10), mikinyuRiyu: c(11), memo: c(12), remarks: '',
  }),
};

/** 個人番号一括更新情報 / 一括取消情報: 10 items, one 氏名 (kanji or kana), no 枝番. */
const BULK: Layout = {
  columns: 10,
  alsoAccepted: [],
  map: (c) => ({
    jigyoshoKigo: c(0), hihokenshaNo: c(1), kubun: c(2), zokugara: '', edaban: '', kanjiName: c(3), kanaName: '',
    birthDate: c(4), sex: c(5), gojitsu: '', number: c(6), mikinyuRiyu: c(7), memo: c(8), remarks: c(9),
  }),
};

export const LAYOUTS: Record<ImportKind, Layout> = { input: INPUT, update: BULK, cancel: BULK };

/** A first row naming the items is a header, not data. */
export function isHeader(record: RawRecord): boolean {
  return record.cells.some((c) => /事業所|被保険者|個人番号|jigyosho/i.test(c));
}

/** Expected count, or a surplus of blank cells (Excel pads rows): anything else shifts the items. */
export function columnCountOk(record: RawRecord, layout: Layout): boolean {
  if (record.cellCount === layout.columns || layout.alsoAccepted.includes(record.cellCount)) return true;
  if (record.cellCount < layout.columns) return record.sparse === true;
  return record.cellCount <= record.cells.length && record.cells.slice(layout.columns).every((v) => v.trim() === '');
}

export function fieldsOf(record: RawRecord, layout: Layout): RowFields {
  return layout.map((i) => (record.cells[i] ?? '').trim());
}
