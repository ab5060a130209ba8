// DP-6: enrolment through the router (what kura-admin `sync configure` does): the one server URL and
// the client certificate are checked, stored, and used; a bad bundle changes nothing.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadIdentity } from '../../main/core/sync';
import { startKura, type TestKura } from '../helpers/kura';
import { startDataCenter, type DataCenter } from '../server/fixture';

describe('DP-6: configuring sync through the router', () => {
  let dc: DataCenter;
  let t: TestKura;
  beforeAll(async () => {
    dc = await startDataCenter();
    t = await startKura({ seed: 10 });
  });
  afterAll(async () => {
    await t.kura.syncEngine.close();
    t.close();
    await dc.stop();
  });

  it('DP-6: a bundle whose key belongs to another terminal is refused, and nothing is stored', async () => {
    const mine = dc.enrol('T-CONF-A');
    const other = dc.enrol('T-CONF-B');
    const admin = await t.manager();
    const r = await t.raw(admin, 'sync.configure', { terminalId: 'T-CONF-A', serverUrl: dc.server.url, caPem: mine.caPem, certPem: mine.certPem, keyPem: other.keyPem! });
    assert.equal(!r.ok && r.error.code, 'sync_bundle_invalid');
    assert.equal(JSON.stringify(r).includes('PRIVATE KEY'), false, 'the key is never echoed');
    const plain = await t.raw(admin, 'sync.configure', { terminalId: 'T-CONF-A', serverUrl: dc.server.url.replace('https:', 'http:'), caPem: mine.caPem, certPem: mine.certPem, keyPem: mine.keyPem! });
    assert.equal(!plain.ok && plain.error.code, 'sync_bundle_invalid', 'only https to the configured server');
    assert.equal(loadIdentity(t.kura.store.db), null);
  });

  it('DP-6: a clerk cannot enrol the terminal', async () => {
    const clerk = await t.clerk('sync.clerk', 'EDIT', ['tekiyo'], 'tekiyo');
    const b = dc.enrol('T-CONF-C');
    const r = await t.raw(clerk, 'sync.configure', { terminalId: 'T-CONF-C', serverUrl: dc.server.url, caPem: b.caPem, certPem: b.certPem, keyPem: b.keyPem! });
    assert.equal(!r.ok && r.error.code, 'forbidden');
  });

  it('DP-6: the administrator enrols the terminal, sync runs, and the status shows the link', async () => {
    const b = dc.enrol('T-CONF-D');
    const admin = await t.manager();
    const r = await t.call(admin, 'sync.configure', { terminalId: 'T-CONF-D', serverUrl: dc.server.url, caPem: b.caPem, certPem: b.certPem, keyPem: b.keyPem! });
    assert.deepEqual(r, { terminalId: 'T-CONF-D', serverUrl: dc.server.url });
    const run = await t.call(admin, 'sync.run', {});
    assert.equal(run.ok, true, JSON.stringify(run.message));
    const status = await t.call(admin, 'sync.status', {});
    assert.equal(status.link, 'online');
    assert.equal(status.queued, 0);
    const [entry] = (await t.call(admin, 'audit.list', { limit: 1, event: 'sync.configure' })).entries;
    assert.equal(entry?.detail.serverUrl, dc.server.url);
    assert.equal(JSON.stringify(entry).includes('PRIVATE KEY'), false);
  });
});
