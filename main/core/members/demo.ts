// Synthetic members for demos and benchmarks: fake names, plausible codes, never real people.
import type { Member } from './registry';

const SURNAMES: [string, string][] = [
  ['佐藤', 'サトウ'], ['鈴木', 'スズキ'], ['高橋', 'タカハシ'], ['田中', 'タナカ'], ['伊藤', 'イトウ'], ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'], ['中村', 'ナカムラ'], ['小林', 'コバヤシ'], ['加藤', 'カトウ'], ['吉田', 'ヨシダ'], ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'], ['山口', 'ヤマグチ'], ['松本', 'マツモト'], ['井上', 'イノウエ'], ['木村', 'キムラ'], ['林', 'ハヤシ'],
];
const GIVEN: [string, string, 1 | 2][] = [
  ['太郎', 'タロウ', 1], ['健', 'ケン', 1], ['翔太', 'ショウタ', 1], ['大輔', 'ダイスケ', 1], ['誠', 'マコト', 1], ['蓮', 'レン', 1],
  ['花子', 'ハナコ', 2], ['陽子', 'ヨウコ', 2], ['美咲', 'ミサキ', 2], ['結衣', 'ユイ', 2], ['さくら', 'サクラ', 2], ['葵', 'アオイ', 2],
];

/** Small deterministic generator (mulberry32) so a demo store looks the same every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function demoShikakuId(index: number): string {
  return `Q${pad(index, 9)}`;
}

export function demoMember(index: number, random: () => number): Member {
  const [sKanji, sKana] = SURNAMES[Math.floor(random() * SURNAMES.length)]!;
  const [gKanji, gKana, sex] = GIVEN[Math.floor(random() * GIVEN.length)]!;
  const year = 1950 + Math.floor(random() * 55);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const dependant = random() < 0.3;
  return {
    shikakuId: demoShikakuId(index),
    jigyoshoKigo: pad(1 + (index % 500), 4),
    hihokenshaNo: pad(Math.floor(index / 2) + 1, 8),
    edaban: dependant ? pad(1 + (index % 2), 2) : '00',
    kubun: dependant ? 2 : 1,
    zokugara: dependant ? 1 : null,
    kanjiName: `${sKanji}\u3000${gKanji}`,
    kanaName: `${sKana} ${gKana}`,
    birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
    sex,
    shutokuDate: `${Math.max(year + 18, 2000)}-04-01`,
    soshitsuDate: null,
  };
}
