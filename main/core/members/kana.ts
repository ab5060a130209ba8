/** カナ氏名 as stored and searched: NFKC (half-width kana → full-width), hiragana → katakana, one ASCII space. */
export function normalizeKana(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, ' ')
    .trim();
}
