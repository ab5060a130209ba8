// What kura-admin prints for an employer-file import: the same counts the 取込 screen shows, as text an
// operator can read and a script can grep. No My Number ever reaches these views (the router's
// import channels return "written or not" only).
import { importKindSchema } from '../../shared/rpc/channels/imports';
import type { ChannelOutput } from '../../shared/rpc';

export const IMPORT_KINDS = importKindSchema.options;

type Preview = Extract<ChannelOutput<'imports.preview'>, { status: 'ready' }>;
type Confirmed = ChannelOutput<'imports.confirm'>;
type ReceiptFile = ChannelOutput<'imports.receipt'>['files'][number];

export function formatPreview(r: Preview): string {
  const { session, employers, byCheck } = r;
  const c = session.counts;
  const lines = [
    `取込ID / import ID: ${session.importId}`,
    `ファイル / file: ${session.fileName}（${session.encodingLabel}）`,
    `全 ${c.total} 件: 正常 ${c.ok} / 警告 ${c.warning} / エラー ${c.error}  (total, ok, warning, error)`,
    ...employers.map((e) => `  事業所 ${e.jigyoshoKigo}: ${e.total} 件（正常 ${e.ok}・警告 ${e.warning}・エラー ${e.error}）`),
    ...byCheck.map((b) => `  ${b.severity === 'error' ? 'エラー' : '警告'} ${b.code} ${b.ja} / ${b.en}: ${b.count} 件`),
    `登録するには / to register: kura-admin import confirm --import-id ${session.importId}${c.warning > 0 ? ' [--accept-warnings]' : ''}`,
  ];
  return lines.join('\n');
}

export function formatConfirm(r: Confirmed, files: ReceiptFile[]): string {
  const lines = [
    `登録 ${r.registered} 件・訂正 ${r.corrected} 件・取消 ${r.cancelled} 件・番号なし記録 ${r.recordedWithoutNumber} 件・変更なし ${r.unchanged} 件・不受理 ${r.rejected} 件`,
    `(registered, corrected, cancelled, recorded without number, unchanged, rejected)`,
    r.sourceDeleted ? '元ファイルは上書き消去しました / source file overwritten and deleted' : `元ファイル / source file: ${r.sourceProblem ?? ''}`,
    ...files.flatMap((f) => [`事業所 ${f.jigyoshoKigo}: 読込 ${f.read}・受理 ${f.accepted}・不受理 ${f.rejected}`, `  受領書 / receipt: ${f.receiptPdf}`, `  エラーリスト / error list: ${f.errorCsv}`]),
  ];
  return lines.join('\n');
}
