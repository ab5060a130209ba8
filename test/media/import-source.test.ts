// MD-2, MD-5 for reads: an employer file on a removable drive is imported only from a registered,
// identified medium; a file on an unregistered stick is refused before it is read.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startMediaKit, type MediaKit } from './kit';

const HEADER = '事業所記号,被保険者番号,区分,続柄コード,枝番,漢字氏名,カナ氏名,生年月日,性別,後日収集,個人番号,未記入理由,未記入理由メモ';

describe('MD-2: imports read removable media only when registered', () => {
  let kit: MediaKit;
  beforeAll(async () => {
    kit = await startMediaKit({ seed: 5 });
  });
  afterAll(() => kit.close());

  it('MD-2: a file on an unregistered stick is refused and logged; nothing is read', async () => {
    const stick = kit.stick();
    const file = join(stick.mountPoint!, '0001-個人番号.csv');
    writeFileSync(file, `${HEADER}\r\n`);
    const clerk = await kit.clerk('tekiyo.src', 'EDIT', ['tekiyo'], 'tekiyo');
    const r = await kit.t.call(clerk, 'imports.preview', { path: file, kind: 'input' });
    assert.equal(r.status, 'refused');
    assert.equal(r.status === 'refused' && r.problem.code, 'not_registered');
    const [entry] = kit.log('imports.preview').slice(-1);
    assert.equal(entry?.outcome, 'refused');
    assert.equal(entry?.detail.problem, 'not_registered');
  });

  it('MD-2: the same file on a registered, identified stick is read (the virus check runs next, MD-5)', async () => {
    const stick = kit.stick();
    await kit.register(stick);
    const file = join(stick.mountPoint!, '0001-個人番号.csv');
    writeFileSync(file, `${HEADER}\r\n`);
    const clerk = await kit.clerk('tekiyo.src2', 'EDIT', ['tekiyo'], 'tekiyo');
    const r = await kit.t.call(clerk, 'imports.preview', { path: file, kind: 'input' });
    // A header-only file is refused by the importer itself, not by the media check.
    assert.notEqual(r.status === 'refused' && r.problem.code, 'not_registered');
    const [entry] = kit.log('imports.preview').slice(-1);
    assert.notEqual(entry?.detail.problem, 'not_registered');
  });

  it('MD-3: on a terminal not designated for media, a file on any stick is refused', async () => {
    const stick = kit.stick();
    await kit.register(stick);
    kit.designate([]);
    const file = join(stick.mountPoint!, 'x.csv');
    writeFileSync(file, `${HEADER}\r\n`);
    const clerk = await kit.clerk('tekiyo.src3', 'EDIT', ['tekiyo'], 'tekiyo');
    const r = await kit.t.call(clerk, 'imports.preview', { path: file, kind: 'input' });
    assert.equal(r.status === 'refused' && r.problem.code, 'terminal_not_designated');
    kit.designate(['media']);
  });
});
