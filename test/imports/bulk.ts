// Many synthetic members and the employer file that names them, for the all-or-none tests and the
// benchmark. Numbers come from demoMyNumber: valid, unique, never issued.
import { demoMyNumber } from '../../main/core/mynumber';
import type { Kura } from '../../main/rpc';
import { INPUT_HEADER } from '../fixtures/imports/generate';

export const bulkShikakuId = (i: number): string => `QB${String(i).padStart(8, '0')}`;
const bango = (i: number): string => String(i).padStart(8, '0');

export function insertBulkMembers(kura: Kura, n: number): void {
  kura.store.transaction(() => {
    for (let i = 1; i <= n; i++) {
      kura.members.insert({
        shikakuId: bulkShikakuId(i), jigyoshoKigo: `3${String(i % 7).padStart(3, '0')}`, hihokenshaNo: bango(i), edaban: '00', kubun: 1, zokugara: null,
        kanjiName: '試験\u3000太郎', kanaName: 'シケン タロウ', birthDate: '1980-01-01', sex: 1, shutokuDate: '2010-04-01', soshitsuDate: null,
      });
    }
  });
}

/** CSV (UTF-8, CRLF) with one valid row per bulk member. */
export function bulkCsv(n: number): Buffer {
  const lines = [INPUT_HEADER.join(',')];
  for (let i = 1; i <= n; i++) lines.push(`3${String(i % 7).padStart(3, '0')},${bango(i)},1,,00,試験\u3000太郎,シケン タロウ,5-550101,1,0,${demoMyNumber(i)},,`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

export function registeredCount(kura: Kura): number {
  return (kura.store.db.prepare("SELECT count(*) AS n FROM mynumber_master WHERE sakujo_kubun = 0 AND shikaku_id LIKE 'QB%'").get() as { n: number }).n;
}
