// MD-6: the receipts need a Japanese font from the OS. Which one is found, and the clear refusal when
// there is none (the registration itself is already committed then: receipts are made on request).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { KuraError } from '../../shared/errors';
import { RECEIPT_FONT_CANDIDATES, receiptFontFor } from '../../main/core/imports';

describe('MD-6: the receipt font', () => {
  it('MD-6: the first OS font that exists is used; a configured font wins', () => {
    const windowsOnly = (p: string): boolean => p === RECEIPT_FONT_CANDIDATES[1]!.path;
    assert.deepEqual(receiptFontFor(undefined, windowsOnly), RECEIPT_FONT_CANDIDATES[1]);
    const own = { path: '/opt/fonts/ipaexg.ttf' };
    assert.deepEqual(receiptFontFor(own, (p) => p === own.path), own);
  });

  it('MD-6: no Japanese font at all is a clear refusal (Japanese first), never a pdfkit stack', () => {
    for (const configured of [undefined, { path: '/nowhere/font.ttf' }]) {
      assert.throws(() => receiptFontFor(configured, () => false), (e: unknown) => {
        assert.ok(e instanceof KuraError);
        assert.equal(e.code, 'receipt_font_missing');
        assert.match(e.messageIn('ja'), /日本語フォントが見つかりません。登録は完了しています/);
        return true;
      });
    }
  });
});
