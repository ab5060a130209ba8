// DQ-1: the check digit of 番号法施行令 第8条, normalisation, and what a spreadsheet does to numbers.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { checkMyNumber, computeCheckDigit, hasValidCheckDigit, containsTwelveDigits } from '../../shared/mynumber';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** The weighted sum mod 11, computed independently of the implementation (from the left). */
function remainder(first11: string): number {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]; // Q for P11 … P1
  return [...first11].reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11;
}

describe('DQ-1: check digit', () => {
  it('DQ-1: accepts the published valid examples and refuses the invalid one', () => {
    assert.equal(checkMyNumber('123456789018').ok, true);
    assert.equal(checkMyNumber('023456789013').ok, true);
    const bad = checkMyNumber('123456789010');
    assert.deepEqual(bad, { ok: false, problem: 'check_digit' });
  });

  it('DQ-1: keeps leading zeros (a number is a string)', () => {
    const r = checkMyNumber('023456789013');
    assert.ok(r.ok && r.value === '023456789013');
  });

  it('DQ-1: remainders 0 and 1 both give check digit 0', () => {
    fc.assert(
      fc.property(digits(11), (first11) => {
        const r = remainder(first11);
        assert.equal(computeCheckDigit(first11), r <= 1 ? 0 : 11 - r);
      }),
      { numRuns: 2000 },
    );
    // Concrete edge cases: find one of each remainder and check.
    let found0 = false;
    let found1 = false;
    for (let i = 0; i < 1000 && !(found0 && found1); i++) {
      const s = String(i).padStart(11, '0');
      if (remainder(s) === 0) { found0 = true; assert.equal(computeCheckDigit(s), 0); }
      if (remainder(s) === 1) { found1 = true; assert.equal(computeCheckDigit(s), 0); }
    }
    assert.ok(found0 && found1);
  });

  it('DQ-1: every 11 digits plus their computed check digit is valid', () => {
    fc.assert(fc.property(digits(11), (first11) => hasValidCheckDigit(first11 + computeCheckDigit(first11))), { numRuns: 5000 });
  });

  it('DQ-1: a single changed digit is caught unless the remainder moves between 0 and 1', () => {
    fc.assert(
      fc.property(digits(11), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (first11, pos, delta) => {
        const good = first11 + computeCheckDigit(first11);
        const changed = [...first11];
        changed[pos] = String((Number(changed[pos]) + delta) % 10);
        const typo = changed.join('') + good[11];
        const undetectable = remainder(first11) <= 1 && remainder(changed.join('')) <= 1;
        assert.equal(hasValidCheckDigit(typo), undetectable);
      }),
      { numRuns: 5000 },
    );
  });

  it('DQ-1: a wrong check digit is always caught', () => {
    fc.assert(
      fc.property(digits(11), fc.integer({ min: 1, max: 9 }), (first11, delta) => {
        const wrong = (computeCheckDigit(first11) + delta) % 10;
        return !hasValidCheckDigit(first11 + wrong);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('DQ-1: normalisation before the check', () => {
  it('DQ-1: full-width digits, spaces and hyphens are normalised', () => {
    for (const typed of ['１２３４５６７８９０１８', '1234-5678-9018', '1234 5678 9018', '１２３４－５６７８－９０１８', ' 1234\u30005678\u30009018 ']) {
      const r = checkMyNumber(typed);
      assert.ok(r.ok, typed);
      assert.equal(r.ok && r.value, '123456789018');
    }
  });

  it('DQ-1: spreadsheet damage is named, not just refused', () => {
    assert.deepEqual(checkMyNumber('1.23457E+11'), { ok: false, problem: 'spreadsheet_exponent' });
    assert.deepEqual(checkMyNumber('23456789013'), { ok: false, problem: 'lost_leading_zero' });
  });

  it('DQ-1: 13 digits, letters and empty input are refused with their reason', () => {
    assert.deepEqual(checkMyNumber('1234567890180'), { ok: false, problem: 'length' });
    assert.deepEqual(checkMyNumber('12345678901a'), { ok: false, problem: 'non_digit' });
    assert.deepEqual(checkMyNumber('  '), { ok: false, problem: 'empty' });
  });

  it('DQ-1: 000000000000 passes the checksum but warns', () => {
    assert.deepEqual(checkMyNumber('000000000000'), { ok: true, value: '000000000000', warnings: ['all_zero'] });
  });
});

describe('AU-1: the log scan for a 12-digit run', () => {
  it('AU-1: finds 12 digits in ASCII, in full width and mixed; passes 11 or 13 and text without digits', () => {
    for (const text of ['{"target":"123456789018"}', 'x１２３４５６７８９０１８y', '12345６７８９０１８', 'at 2026 ０１２３４５６７８９０１']) {
      assert.equal(containsTwelveDigits(text), true, text);
    }
    for (const text of ['{"target":"12345678901"}', '1234567890123', '１２３４５６７８９０１２３', 'mynumber.register ok', '2026-11-24T01:02:03.456Z']) {
      assert.equal(containsTwelveDigits(text), false, text);
    }
  });
});
