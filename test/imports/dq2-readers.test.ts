// DQ-2 building blocks: 元号 dates, encoding detection, the CSV reader.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import iconv from 'iconv-lite';
import { DEFAULT_LIMITS, eraDateToIso, parseImportBytes } from '../../main/core/imports';

describe('DQ-2: readers', () => {
  it('DQ-2: 元号 code + YYMMDD becomes an ISO date; dates the era never had are refused', () => {
    assert.equal(eraDateToIso('5-630503'), '1988-05-03');
    assert.equal(eraDateToIso('５６３０５０３'), '1988-05-03');
    assert.equal(eraDateToIso('5-640107'), '1989-01-07');
    assert.equal(eraDateToIso('7-010108'), '1989-01-08');
    assert.equal(eraDateToIso('9-010501'), '2019-05-01');
    for (const bad of ['5-650101', '7-320101', '5-640108', '7-010107', '7-310501', '5-630230', '2-630503', '5-000101', '19880503', '']) {
      assert.equal(eraDateToIso(bad), null, bad);
    }
  });

  it('DQ-2: CP932, UTF-8 and UTF-8 with BOM are detected; CRLF, LF and CR all end a record', async () => {
    const text = '事業所記号,氏名\r\n0101,山田　太郎\r\n0202,"鈴木\r\n一郎"\n0303,ｻﾄｳ\r0404,髙橋\r\n';
    const cp = await parseImportBytes(iconv.encode(text, 'cp932'), DEFAULT_LIMITS);
    assert.equal(cp.encoding, 'cp932');
    assert.deepEqual(cp.records.map((r) => r.cells), [['0101', '山田　太郎'], ['0202', '鈴木\r\n一郎'], ['0303', 'ｻﾄｳ'], ['0404', '髙橋']]);
    const bom = await parseImportBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), DEFAULT_LIMITS);
    assert.equal(bom.encoding, 'utf-8-bom');
    assert.equal(bom.records[0]!.cells[0], '0101');
    assert.equal((await parseImportBytes(Buffer.from(text), DEFAULT_LIMITS)).encoding, 'utf-8');
  });

  it('DQ-2: "" inside quotes, text after a closing quote and blank lines are handled', async () => {
    const r = await parseImportBytes(Buffer.from('a,"say ""hi""",c\n\n"x"y,,\n'), DEFAULT_LIMITS);
    assert.deepEqual(r.records.map((x) => x.cells), [['a', 'say "hi"', 'c'], ['xy', '', '']]);
  });
});
