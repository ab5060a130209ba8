// MD-6: "the number of records read is reported back to the employer in writing". One receipt per
// 事業所: records read, accepted and rejected, the rejected rows with their reasons. It never
// carries a My Number (the rows it lists hold none, and the free text was redacted when stored).
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { KuraError } from '../../../shared/errors';
import { KUBUN } from '../../../shared/codes';
import type { StoredRow } from './session-store';

export type ReceiptFont = { path: string; family?: string };
/**
 * The OS's own Japanese fonts, in order: Debian's Noto CJK (fonts-noto-cjk), then Windows' Yu Gothic
 * and MS Gothic. A TTC collection is opened by its PostScript name. Only the first is verified here;
 * the Windows names are the fonts' published PostScript names, not tried on Windows.
 */
export const RECEIPT_FONT_CANDIDATES: readonly ReceiptFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKjp-Regular' },
  { path: 'C:\\Windows\\Fonts\\YuGothR.ttc', family: 'YuGothic-Regular' },
  { path: 'C:\\Windows\\Fonts\\msgothic.ttc', family: 'MS-Gothic' },
];
export const DEFAULT_RECEIPT_FONT: ReceiptFont = RECEIPT_FONT_CANDIDATES[0]!;

/** The configured font if given, else the first of the OS's fonts that exists; MD-6 needs one. */
export function receiptFontFor(configured: ReceiptFont | undefined, exists: (path: string) => boolean = existsSync): ReceiptFont {
  const font = configured ?? RECEIPT_FONT_CANDIDATES.find((f) => exists(f.path));
  if (!font || !exists(font.path)) throw new KuraError('receipt_font_missing');
  return font;
}

export type ReceiptContent = {
  jigyoshoKigo: string;
  importId: string;
  fileName: string;
  /** Japan date of the confirmation (or of the abandonment). */
  processedOn: string;
  outcome: 'confirmed' | 'abandoned';
  read: number;
  accepted: number;
  rejected: number;
  rejectedRows: StoredRow[];
  /** Rows not listed because of the cap (they are all in the error list CSV). */
  omitted: number;
  society: string;
};

const MARGIN = 48;
const COLUMNS = [
  { label: '行', width: 36 },
  { label: '被保険者番号', width: 78 },
  { label: '区分', width: 50 },
  { label: '枝番', width: 32 },
  { label: '氏名', width: 100 },
  { label: '理由', width: 203 },
];

export function renderReceiptPdf(content: ReceiptContent, font: ReceiptFont = DEFAULT_RECEIPT_FONT): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `個人番号入力データ受領書 ${content.jigyoshoKigo}`, Author: content.society } });
  doc.registerFont('jp', font.path, font.family);
  doc.font('jp');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.fontSize(16).text('個人番号入力データ 受領書（取込結果のお知らせ）', { align: 'center' });
  doc.fontSize(8).fillColor('#555').text('Receipt for the My Number input file (records read, accepted and rejected)', { align: 'center' }).fillColor('#000');
  doc.moveDown(1.2);
  doc.fontSize(10);
  const facts: [string, string][] = [
    ['事業所記号', content.jigyoshoKigo || '（記載なし）'],
    ['ファイル名', content.fileName],
    ['受付番号', content.importId],
    ['処理日', content.processedOn],
    ['処理結果', content.outcome === 'confirmed' ? '取込完了（受付分を登録しました）' : '取込中止（登録していません。修正のうえ再提出してください）'],
  ];
  for (const [k, v] of facts) doc.text(`${k}：${v}`, { width });
  doc.moveDown(0.8);
  doc.fontSize(12).text(`読込件数 ${content.read} 件\u3000\u3000受付件数 ${content.accepted} 件\u3000\u3000不受理件数 ${content.rejected} 件`);
  doc.fontSize(8).fillColor('#555').text(`Read ${content.read} / accepted ${content.accepted} / rejected ${content.rejected}`).fillColor('#000');
  doc.moveDown(0.8);

  const header = (): void => {
    let x = MARGIN;
    const y = doc.y;
    doc.fontSize(9).rect(MARGIN, y - 2, width, 16).fill('#e8e8e8').fillColor('#000');
    for (const c of COLUMNS) {
      doc.text(c.label, x + 2, y + 1, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.x = MARGIN;
    doc.y = y + 18;
  };

  if (content.rejectedRows.length > 0) {
    doc.fontSize(11).text('不受理の行と理由', MARGIN);
    doc.moveDown(0.3);
    header();
    for (const row of content.rejectedRows) {
      const cells = [
        String(row.rowNo), row.hihokenshaNo, KUBUN[Number(row.kubun) as 1 | 2] ?? row.kubun, row.edaban, row.kanjiName || row.kanaName, row.message.ja,
      ];
      doc.fontSize(8);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: COLUMNS[i]!.width - 4 }))) + 4;
      if (doc.y + height > doc.page.height - MARGIN - 20) {
        doc.addPage();
        doc.font('jp');
        header();
      }
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.text(c, x + 2, y, { width: COLUMNS[i]!.width - 4 });
        x += COLUMNS[i]!.width;
      });
      doc.moveTo(MARGIN, y + height - 1).lineTo(MARGIN + width, y + height - 1).strokeColor('#ccc').lineWidth(0.5).stroke();
      doc.x = MARGIN;
      doc.y = y + height;
    }
    if (content.omitted > 0) doc.fontSize(9).text(`ほか ${content.omitted} 行は、エラー一覧（CSV）をご覧ください。`, MARGIN);
  } else {
    doc.fontSize(10).text('不受理の行はありません。', MARGIN);
  }
  doc.moveDown(1.5);
  doc.fontSize(9).text(
    '本書には個人番号を記載していません。不受理の行は、同封のエラー一覧（CSV）で理由をご確認のうえ、修正して再提出してください。' +
      '件数に相違がある場合は、下記までご連絡ください。',
    MARGIN, undefined, { width },
  );
  doc.fontSize(8).fillColor('#555').text('This receipt contains no My Number. Fix the rejected rows using the error list (CSV) and submit them again.', { width }).fillColor('#000');
  doc.moveDown(0.8);
  doc.fontSize(10).text(content.society, { align: 'right', width });
  doc.end();
  return done;
}
