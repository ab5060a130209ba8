// AU-2: the hand-ordered entry text is exactly the canonical JSON of the fields, for any values
// (the terminal and the data center hash the same bytes).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, entryText } from '../../shared/audit';

describe('AU-2: canonical entry text', () => {
  it('AU-2: entryText equals canonicalJson of the fields, including NFC, nulls and escapes', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('ｶﾞ', 'が', 'が', '"\\\n\u2028', '管理 太郎'));
    const nullable = fc.option(text, { nil: null });
    fc.assert(
      fc.property(fc.nat(), text, nullable, text, nullable, text, nullable, text, (seq, at, operator, terminal, business, event, target, outcome) => {
        const f = { seq, at, operator, terminal, business, event, target, outcome };
        assert.equal(entryText(f, '{}'), `${canonicalJson(f)}\n{}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('AU-2: canonicalJson sorts keys and normalises strings to NFC', () => {
    assert.equal(canonicalJson({ b: 'が', a: [1, null, { d: true, c: 'x' }] }), '{"a":[1,null,{"c":"x","d":true}],"b":"が"}');
  });
});
