// The bench's synthetic rows, the same on both sides: the data center's seed (SQL in sync.bench.ts)
// and the local baseline (sync.child.ts) write rows of the same shape and size.
import type { MemberRowWire, MyNumberRowWire } from '../../shared/sync/protocol';

export const benchShikakuId = (i: number): string => `Q${String(i).padStart(9, '0')}`;

export function benchMemberRow(i: number): MemberRowWire {
  return {
    shikakuId: benchShikakuId(i), jigyoshoKigo: String(1 + (i % 500)).padStart(4, '0'), hihokenshaNo: String(Math.floor(i / 2) + 1).padStart(8, '0'),
    edaban: String(i % 2).padStart(2, '0'), kubun: 1 + (i % 2), zokugara: null, kanjiName: `試験\u3000太郎${i}`, kanaName: 'シケン タロウ', birthDate: '1980-04-01',
    sex: 1 + (i % 2), shutokuDate: '2000-04-01', soshitsuDate: null, version: 1, updatedAt: '2026-11-24T00:00:00.000Z', deleted: 0,
  };
}

/** Ciphertext-sized and blind-index-sized bytes (not real ones: the bench holds no numbers). */
export function benchNumberRow(i: number): MyNumberRowWire {
  const h = (s: string): string => Buffer.from(s.padEnd(16, '.')).toString('hex').slice(0, 32).padEnd(32, '0');
  return {
    shikakuId: benchShikakuId(i), mynumberEnc: (h(`e${i}`) + h(`f${i}`) + h(`g${i}`)).slice(0, 80), blindIndex: h(`b${i}`) + h(`c${i}`),
    sakujoKubun: 0, koshinTsuban: 1, koshinBi: '2026-11-24T00:00:00.000Z',
  };
}
