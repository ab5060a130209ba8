// MD-5, DP-1: linkage files pass the same source checks as employer files: virus-checked before any
// parse, never a file of the store itself.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { STORE_FILES } from '../../main/core/store';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { eicar } from '../imports/helpers';
import { addPeople, writeCsv } from '../linkage/kit';

describe('linkage files: source checks', () => {
  let t: TestKura;
  let link: Connection;
  beforeAll(async () => {
    t = await startKura();
    addPeople(t);
    link = await t.clerk('renkei.src', 'LINK', ['renkei'], 'renkei');
  });
  afterAll(() => t.close());

  it('MD-5: a linkage file carrying the EICAR string is stopped before it is read, and nothing is stored', async () => {
    const path = writeCsv(t, 'records.csv', [['処理番号', '事務手続名称', '被保険者枝番'], [eicar(), 'x', 'y']]);
    const r = await t.raw(link, 'linkage.records.add', { path });
    assert.equal(!r.ok && r.error.code, 'linkage_file_refused');
    assert.match(!r.ok ? r.error.ja : '', /ウイルス/);
    assert.equal((t.kura.store.db.prepare('SELECT count(*) AS n FROM linkage_records').get() as { n: number }).n, 0);
  });

  it('DP-1: the store\'s own files are refused as linkage files', async () => {
    const r = await t.raw(link, 'linkage.identity.import', { path: join(t.dir, STORE_FILES.wrappedMaster) });
    assert.equal(!r.ok && r.error.code, 'invalid_input');
  });
});
