// The organisation-key relay end to end (architecture.md Keys): real Kura stores (SQLCipher), the real
// router, real mutual TLS and a real PostgreSQL data center. A is the first terminal (its keys were
// created there, and an administrator declared it the first terminal); every other terminal asks for
// the keys, an administrator at A grants them, and the new terminal installs them only if their check
// value is the organisation's, which its administrator types in. The data center only ever relays a blob it cannot open.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoMyNumber } from '../../main/core/mynumber';
import { installOrgKeys, orgKeysCheckValue, readSealedSecret } from '../../main/core/store';
import { ENROLMENT_SECRET, loadIdentity, unwrapOrgKeys, wrapOrgKeys } from '../../main/core/sync';
import type { Connection } from '../../main/rpc';
import { MANAGER, makeDataDir } from '../helpers/kura';
import { KEY_RELAY_PATHS } from '../../shared/sync/keys';
import { rawRequest, startDataCenter, type DataCenter } from '../server/fixture';
import { newMember, startTerminal, type Terminal } from './terminal';

/** Every row of every table at the data center, as text (bytea shows as hex, JSONB as JSON). */
async function everyRowAsText(dc: DataCenter): Promise<string> {
  const tables = await dc.pg.pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  let text = '';
  for (const { table_name } of tables.rows) {
    const rows = await dc.pg.pool.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    for (const r of rows.rows) text += `${r.row}\n`;
  }
  return text;
}

/** The forms raw key bytes could take in a row: hex (either case), base64, and a bytea literal. */
function forms(bytes: Buffer): string[] {
  const hex = bytes.toString('hex');
  return [hex, hex.toUpperCase(), bytes.toString('base64'), bytes.toString('base64url'), `\\\\x${hex}`];
}

/** The client certificate and key the terminal was configured with (kept in its store). */
function identityOf(term: Terminal): { certPem: string; keyPem: string } {
  return loadIdentity(term.t.kura.store.db)!;
}

/** The enrolment public key a terminal posted with its open request (from the private key sealed in its store). */
function enrolmentPublicPem(term: Terminal): string {
  const der = readSealedSecret(term.t.kura.store, ENROLMENT_SECRET)!.secret;
  return createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'pem' }).toString();
}

/** What must not change when an install is refused: origin, keys (by check value) and the enrolment key. */
function keyState(term: Terminal): { origin: unknown; checkValue: string; enrolmentKey: string | undefined } {
  const row = term.t.kura.store.db.prepare('SELECT origin, recorded_at, relayed_by FROM org_keys_origin').get();
  return { origin: row, checkValue: orgKeysCheckValue(term.t.kura.store.orgKeys), enrolmentKey: readSealedSecret(term.t.kura.store, ENROLMENT_SECRET)?.secret.toString('hex') };
}

async function untilRevoked(dc: DataCenter, terminalId: string, identity: { certPem: string; keyPem: string }): Promise<void> {
  for (let i = 0; i < 100; i++) {
    // Polls a harmless endpoint: fetching /keys/mine would itself take the blob.
    // A poll in flight when the CRL reloads is cut off with its socket (that is the revocation at
    // work): poll again, until the answer itself is the refusal.
    const r = await rawRequest(dc.server.url, '/sync/log/state', { ca: dc.caPem, cert: identity.certPem, key: identity.keyPem }).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code === 'ECONNRESET') return null;
      throw e;
    });
    if (r?.status === 403) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${terminalId} was not revoked in time`);
}

describe('the organisation-key relay', () => {
  let dc: DataCenter;
  let a: Terminal;
  let b: Terminal;
  let c: Terminal;
  let d: Terminal;
  const extra: Terminal[] = [];
  const admin = (term: Terminal): Promise<Connection> => term.t.manager();

  beforeAll(async () => {
    dc = await startDataCenter();
    a = await startTerminal(dc, 'T-KEY-A');
    b = await startTerminal(dc, 'T-KEY-B');
    c = await startTerminal(dc, 'T-KEY-C');
    d = await startTerminal(dc, 'T-KEY-D');
  });
  afterAll(async () => {
    for (const term of [a, b, c, d, ...extra]) await term?.close();
    await dc?.stop();
  });

  it('DP-2: after the relay, a number registered at A is found by number at B after sync and opens there; the data center never holds the keys', async () => {
    const aAdmin = await admin(a);
    const bAdmin = await admin(b);
    const aKeys = { dataKey: Buffer.from(a.t.kura.store.orgKeys.dataKey), blindIndexKey: Buffer.from(a.t.kura.store.orgKeys.blindIndexKey) };
    const aStatus = await a.t.call(aAdmin, 'keys.declareFirst', {});
    assert.equal(aStatus.origin, 'created');
    assert.equal(aStatus.declaredFirst?.declaredBy, MANAGER.userId);
    const before = await b.t.call(bAdmin, 'keys.status', {});
    assert.equal(before.origin, 'created');
    assert.notEqual(before.checkValue, aStatus.checkValue, 'B starts with keys of its own');

    // B asks; the private half stays sealed in B's store, the fingerprint is what the people compare.
    const asked = await b.t.call(bAdmin, 'keys.request', {});
    assert.match(asked.fingerprint, /^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    assert.equal((await b.t.call(bAdmin, 'keys.status', {})).request?.fingerprint, asked.fingerprint);
    const enrolmentDer = readSealedSecret(b.t.kura.store, ENROLMENT_SECRET)!.secret;

    const pending = await a.t.call(aAdmin, 'keys.pending', {});
    assert.deepEqual(pending.requests.map((r) => [r.terminalId, r.fingerprint]), [['T-KEY-B', asked.fingerprint]]);
    const granted = await a.t.call(aAdmin, 'keys.grant', { terminalId: 'T-KEY-B', fingerprint: asked.fingerprint });
    assert.equal(granted.terminalId, 'T-KEY-B');

    // While the wrapped blob sits at the data center, and after it was fetched: no raw key anywhere.
    const secrets = [aKeys.dataKey, aKeys.blindIndexKey, enrolmentDer].flatMap(forms);
    const whileGranted = await everyRowAsText(dc);
    assert.ok(whileGranted.includes('kura-orgkeys-v1'), 'the scan does see the wrapped blob');
    for (const s of secrets) assert.equal(whileGranted.includes(s), false, 'DP-2: no raw key bytes at the data center');

    const installed = await b.t.call(bAdmin, 'keys.install', { expectedCheckValue: aStatus.checkValue });
    assert.equal(installed.origin, 'relayed');
    assert.equal(installed.relayedBy, 'T-KEY-A');
    assert.equal(installed.checkValue, aStatus.checkValue, 'A and B now hold the same organisation keys');
    assert.equal(installed.request, null);
    assert.equal(readSealedSecret(b.t.kura.store, ENROLMENT_SECRET), null, 'the enrolment private key is erased from the store');
    assert.equal(b.t.kura.store.db.prepare('SELECT count(*) FROM keyring WHERE name = ?').pluck().get(ENROLMENT_SECRET), 0);
    const afterFetch = await everyRowAsText(dc);
    assert.equal(afterFetch.includes('kura-orgkeys-v1'), false, 'the blob is cleared once fetched');
    for (const s of secrets) assert.equal(afterFetch.includes(s), false);

    // A clerk at A registers a number; after both sync, a clerk at B finds the member by that number and opens it.
    const m = newMember();
    a.t.kura.store.transaction(() => a.t.kura.members.insert(m));
    const aClerk = await a.t.clerk('relay.edit', 'EDIT', ['kyufu'], 'kyufu');
    await a.t.call(aClerk, 'mynumber.register', { shikakuId: m.shikakuId, myNumber: demoMyNumber(7001) });
    assert.ok((await a.engine.syncOnce()).ok);
    const rb = await b.engine.syncOnce();
    assert.ok(rb.ok, rb.ok ? '' : rb.failure.message);
    // The keys were persisted, not only swapped in memory: B finds it after a restart too.
    b.t.reopen();
    const bClerk = await b.t.clerk('relay.view', 'VIEW', ['kyufu'], 'kyufu');
    const found = await b.t.call(bClerk, 'member.search', { by: 'myNumber', query: demoMyNumber(7001) });
    assert.deepEqual(found.members.map((x) => x.shikakuId), [m.shikakuId]);
    assert.equal((await b.t.call(bClerk, 'mynumber.reveal', { shikakuId: m.shikakuId })).myNumber, demoMyNumber(7001));

    // AU-1: both sides are in the operation log.
    const grantLog = (await a.t.call(await admin(a), 'audit.list', { limit: 5, event: 'keys.grant' })).entries[0];
    assert.equal(grantLog?.target, 'T-KEY-B');
    assert.equal(grantLog?.detail.fingerprint, asked.fingerprint);
    const installLog = (await b.t.call(await admin(b), 'audit.list', { limit: 5, event: 'keys.install' })).entries[0];
    assert.equal(installLog?.outcome, 'ok');
    assert.equal(installLog?.target, 'T-KEY-A');
  });

  it('DP-6: terminal C cannot fetch or open the blob granted to D; D pulled numbers before its keys came and reads them after', async () => {
    const cAdmin = await admin(c);
    const dAdmin = await admin(d);
    await c.t.call(cAdmin, 'keys.request', {});
    const dAsked = await d.t.call(dAdmin, 'keys.request', {});
    // D syncs while it waits: the rows it pulls are sealed under the organisation keys, not its own.
    assert.ok((await d.engine.syncOnce()).ok);
    assert.ok((d.t.kura.store.db.prepare('SELECT count(*) FROM mynumber_master').pluck().get() as number) > 0);
    await a.t.call(await admin(a), 'keys.grant', { terminalId: 'T-KEY-D', fingerprint: dAsked.fingerprint });
    const blob = (await dc.pg.pool.query<{ wrapped: unknown }>("SELECT wrapped FROM org_key_requests WHERE terminal_id = 'T-KEY-D'")).rows[0]!.wrapped;

    // C asks the data center for "its" keys with its own certificate: it gets its own state, never D's blob.
    const cIdentity = identityOf(c);
    const cMine = await rawRequest(dc.server.url, KEY_RELAY_PATHS.mine, { ca: dc.caPem, cert: cIdentity.certPem, key: cIdentity.keyPem });
    assert.equal(cMine.status, 200);
    assert.equal((cMine.body as { state: string }).state, 'pending');
    assert.equal(JSON.stringify(cMine.body).includes('kura-orgkeys-v1'), false);
    const cOwn = await c.t.raw(cAdmin, 'keys.install', { expectedCheckValue: (await a.t.call(await admin(a), 'keys.status', {})).checkValue });
    assert.equal(!cOwn.ok && cOwn.error.code, 'org_keys_not_granted');
    // The body cannot name another terminal: identity is the certificate only.
    const spoof = await rawRequest(dc.server.url, KEY_RELAY_PATHS.request, { ca: dc.caPem, cert: cIdentity.certPem, key: cIdentity.keyPem }, 'POST', { publicKeyPem: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n', terminalId: 'T-KEY-D' });
    assert.equal(spoof.status, 400);
    // Even holding D's blob, C's enrolment key does not open it.
    const cPrivate = createPrivateKey({ key: readSealedSecret(c.t.kura.store, ENROLMENT_SECRET)!.secret, format: 'der', type: 'pkcs8' });
    assert.throws(() => unwrapOrgKeys(blob, cPrivate));

    const installed = await d.t.call(dAdmin, 'keys.install', { expectedCheckValue: (await a.t.call(await admin(a), 'keys.status', {})).checkValue });
    assert.equal(installed.relayedBy, 'T-KEY-A');
    const dClerk = await d.t.clerk('relay.d', 'VIEW', ['kyufu'], 'kyufu');
    const found = await d.t.call(dClerk, 'member.search', { by: 'myNumber', query: demoMyNumber(7001) });
    assert.equal(found.members.length, 1, 'DP-2: the numbers pulled before the keys arrived are found with them');
    assert.equal((await d.t.call(dClerk, 'mynumber.reveal', { shikakuId: found.members[0]!.shikakuId })).myNumber, demoMyNumber(7001));
  });

  it('DP-2: relayed keys are refused where numbers were already sealed under the terminal\'s own keys, and a second time', async () => {
    const e = await startTerminal(dc, 'T-KEY-E');
    extra.push(e);
    const m = newMember();
    e.t.kura.store.transaction(() => {
      e.t.kura.members.insert(m);
      e.t.kura.vault.register(m.shikakuId, demoMyNumber(7002));
    });
    const eAdmin = await admin(e);
    const refused = await e.t.raw(eAdmin, 'keys.request', {});
    assert.equal(!refused.ok && refused.error.code, 'org_keys_in_use');
    assert.ok(!refused.ok && refused.error.ja.includes('登録した個人番号'), 'Japanese first, naming what is in the way');
    // Even once pushed (the outbox is empty), the number was sealed here: still refused.
    assert.ok((await e.engine.syncOnce()).ok);
    assert.throws(() => installOrgKeys(e.t.kura.store, a.t.kura.store.orgKeys, { relayedBy: 'T-KEY-A', now: e.t.clock.now() }), { code: 'org_keys_in_use' });
    assert.equal(e.t.kura.vault.reveal(m.shikakuId).myNumber, demoMyNumber(7002), 'the terminal keeps its own keys');
    // B already installed relayed keys: it cannot take another set.
    const again = await b.t.raw(await admin(b), 'keys.request', {});
    assert.equal(!again.ok && again.error.code, 'org_keys_already_relayed');
    assert.throws(() => installOrgKeys(b.t.kura.store, e.t.kura.store.orgKeys, { relayedBy: 'T-KEY-E', now: b.t.clock.now() }), { code: 'org_keys_already_relayed' });
  });

  it('AC-11: only a terminal administrator grants, and a terminal still waiting for its keys cannot', async () => {
    const f = await startTerminal(dc, 'T-KEY-F');
    extra.push(f);
    const asked = await f.t.call(await admin(f), 'keys.request', {});
    const clerk = await a.t.clerk('relay.clerk', 'LINK', ['kyufu'], 'kyufu');
    const r = await a.t.raw(clerk, 'keys.grant', { terminalId: 'T-KEY-F', fingerprint: asked.fingerprint });
    assert.equal(!r.ok && r.error.code, 'forbidden');
    const fRequestByClerk = await f.t.raw(await f.t.clerk('relay.fclerk', 'EDIT', ['kyufu'], 'kyufu'), 'keys.install', { expectedCheckValue: '0000-0000' });
    assert.equal(!fRequestByClerk.ok && fRequestByClerk.error.code, 'forbidden');
    const logged = (await a.t.call(await admin(a), 'audit.list', { limit: 5, event: 'keys.grant' })).entries.find((x) => x.outcome === 'refused');
    assert.equal(logged?.operator, 'relay.clerk', 'AU-1: the refusal is logged');
    // C is waiting for keys: its own provisional keys are not the organisation's to hand out.
    const fromC = await c.t.raw(await admin(c), 'keys.grant', { terminalId: 'T-KEY-F', fingerprint: asked.fingerprint });
    assert.equal(!fromC.ok && fromC.error.code, 'org_keys_awaiting');
    // DP-6: a freshly installed terminal (no request, keys created there, never declared the first
    // terminal) holds provisional keys nobody else has: it cannot hand them to F.
    const m = await startTerminal(dc, 'T-KEY-M');
    extra.push(m);
    const mAdmin = await admin(m);
    const fromM = await m.t.raw(mAdmin, 'keys.grant', { terminalId: 'T-KEY-F', fingerprint: asked.fingerprint });
    assert.equal(!fromM.ok && fromM.error.code, 'org_keys_not_organisation');
    assert.ok(!fromM.ok && fromM.error.ja.includes('最初の端末として宣言'), 'Japanese first, saying what to do');
    const mLog = (await m.t.call(mAdmin, 'audit.list', { limit: 5, event: 'keys.grant' })).entries[0];
    assert.equal(mLog?.outcome, 'refused', 'AU-1: the refused grant is logged');
    assert.equal((await dc.pg.pool.query("SELECT status FROM org_key_requests WHERE terminal_id = 'T-KEY-F'")).rows[0]?.status, 'pending', 'nothing reached the data center');
    // A fingerprint that does not match what F shows is not granted.
    const wrongPrint = await a.t.raw(await admin(a), 'keys.grant', { terminalId: 'T-KEY-F', fingerprint: '0000-0000-0000-0000-0000' });
    assert.equal(!wrongPrint.ok && wrongPrint.error.code, 'key_request_not_found');
    const status = await f.t.call(await admin(f), 'keys.status', {});
    assert.equal(status.origin, 'created', 'nothing was installed');
  });

  it('DP-6: a revoked terminal is offered to nobody and fetches nothing, even a blob granted before the revocation', async () => {
    const g = await startTerminal(dc, 'T-KEY-G');
    const h = await startTerminal(dc, 'T-KEY-H');
    extra.push(g, h);
    const gAsked = await g.t.call(await admin(g), 'keys.request', {});
    const hAsked = await h.t.call(await admin(h), 'keys.request', {});
    const aAdmin = await admin(a);
    await a.t.call(aAdmin, 'keys.grant', { terminalId: 'T-KEY-H', fingerprint: hAsked.fingerprint });
    dc.revoke('T-KEY-G');
    dc.revoke('T-KEY-H');
    await untilRevoked(dc, 'T-KEY-H', identityOf(h));
    const pending = await a.t.call(aAdmin, 'keys.pending', {});
    assert.equal(pending.requests.some((r) => r.terminalId === 'T-KEY-G'), false, 'a revoked terminal is not offered');
    const grantG = await a.t.raw(aAdmin, 'keys.grant', { terminalId: 'T-KEY-G', fingerprint: gAsked.fingerprint });
    assert.equal(!grantG.ok && grantG.error.code, 'key_request_not_found');
    const install = await h.t.raw(await admin(h), 'keys.install', { expectedCheckValue: (await a.t.call(aAdmin, 'keys.status', {})).checkValue });
    assert.equal(!install.ok && install.error.code, 'key_relay_revoked');
    assert.equal((await h.t.call(await admin(h), 'keys.status', {})).origin, 'created');
    const stillThere = await dc.pg.pool.query("SELECT status FROM org_key_requests WHERE terminal_id = 'T-KEY-H'");
    assert.equal(stillThere.rows[0]?.status, 'granted', 'nothing was handed to the revoked terminal');
  });

  it('DP-2: a delivery whose answer was lost is asked for again with the same key, and the keys still arrive', async () => {
    const k = await startTerminal(dc, 'T-KEY-K');
    extra.push(k);
    const kAdmin = await admin(k);
    const asked = await k.t.call(kAdmin, 'keys.request', {});
    await a.t.call(await admin(a), 'keys.grant', { terminalId: 'T-KEY-K', fingerprint: asked.fingerprint });
    // The data center hands the blob over, and the answer never reaches the terminal.
    const identity = identityOf(k);
    const lost = await rawRequest(dc.server.url, KEY_RELAY_PATHS.mine, { ca: dc.caPem, cert: identity.certPem, key: identity.keyPem });
    assert.equal((lost.body as { state: string }).state, 'granted');
    const orgCheck = (await a.t.call(await admin(a), 'keys.status', {})).checkValue;
    const first = await k.t.raw(kAdmin, 'keys.install', { expectedCheckValue: orgCheck });
    assert.equal(!first.ok && first.error.code, 'org_keys_delivery_lost');
    const again = await k.t.call(kAdmin, 'keys.request', {});
    assert.equal(again.fingerprint, asked.fingerprint, 'the same enrolment key, still sealed in the store');
    await a.t.call(await admin(a), 'keys.grant', { terminalId: 'T-KEY-K', fingerprint: again.fingerprint });
    const installed = await k.t.call(kAdmin, 'keys.install', { expectedCheckValue: orgCheck });
    assert.equal(installed.checkValue, orgCheck);
  });
  it('DP-2: an install with a wrong check value is refused and changes nothing; asked again, the keys install with the right one', async () => {
    const l = await startTerminal(dc, 'T-KEY-L');
    extra.push(l);
    const lAdmin = await admin(l);
    const orgCheck = (await a.t.call(await admin(a), 'keys.status', {})).checkValue;
    const asked = await l.t.call(lAdmin, 'keys.request', {});
    await a.t.call(await admin(a), 'keys.grant', { terminalId: 'T-KEY-L', fingerprint: asked.fingerprint });
    const before = keyState(l);
    const wrongCheck = orgCheck === '0000-0000' ? '1111-1111' : '0000-0000';
    const refused = await l.t.raw(lAdmin, 'keys.install', { expectedCheckValue: wrongCheck });
    assert.equal(!refused.ok && refused.error.code, 'org_keys_check_mismatch');
    assert.ok(!refused.ok && refused.error.ja.startsWith('端末 T-KEY-A から届いた鍵の確認値') && refused.error.ja.includes('もう一度「組織鍵を依頼」'), 'Japanese first, saying what to do');
    assert.deepEqual(keyState(l), before, 'nothing installed: same origin, same keys, the enrolment private key kept');
    assert.ok(before.enrolmentKey);
    const refusedLog = (await l.t.call(lAdmin, 'audit.list', { limit: 5, event: 'keys.install' })).entries[0];
    assert.equal(refusedLog?.outcome, 'refused', 'AU-1');
    // Not a check value at all: refused before anything is fetched.
    const garbled = await l.t.raw(lAdmin, 'keys.install', { expectedCheckValue: 'ZZZZ' });
    assert.equal(!garbled.ok && garbled.error.code, 'org_keys_check_invalid');

    // The blob was used up by the refused install: L asks again with the same kept key, A grants again.
    const again = await l.t.call(lAdmin, 'keys.request', {});
    assert.equal(again.fingerprint, asked.fingerprint);
    await a.t.call(await admin(a), 'keys.grant', { terminalId: 'T-KEY-L', fingerprint: again.fingerprint });
    // Typed the way a person reads it aloud: lower case, no hyphen, spaces around.
    const installed = await l.t.call(lAdmin, 'keys.install', { expectedCheckValue: ` ${orgCheck.replace('-', '').toLowerCase()} ` });
    assert.equal(installed.origin, 'relayed');
    assert.equal(installed.checkValue, orgCheck);
    assert.equal(readSealedSecret(l.t.kura.store, ENROLMENT_SECRET), null);
  });

  it('DP-6: keys a rogue terminal certificate chose and posted for a request are refused at install by the check value', async () => {
    const n = await startTerminal(dc, 'T-KEY-N');
    const rogue = await startTerminal(dc, 'T-KEY-R');
    extra.push(n, rogue);
    const nAdmin = await admin(n);
    const orgCheck = (await a.t.call(await admin(a), 'keys.status', {})).checkValue;
    await n.t.call(nAdmin, 'keys.request', {});
    // The rogue answers first, with keys of its own choosing, properly wrapped for N's enrolment key.
    const rogueKeys = { dataKey: randomBytes(32), blindIndexKey: randomBytes(32) };
    const wrapped = wrapOrgKeys(rogueKeys, enrolmentPublicPem(n));
    const rogueId = identityOf(rogue);
    const posted = await rawRequest(dc.server.url, KEY_RELAY_PATHS.grant, { ca: dc.caPem, cert: rogueId.certPem, key: rogueId.keyPem }, 'POST', { terminalId: 'T-KEY-N', publicKeyPem: enrolmentPublicPem(n), wrapped });
    assert.equal(posted.status, 200, 'the data center relays it: it cannot tell (the blob is not authenticated)');
    const before = keyState(n);
    const refused = await n.t.raw(nAdmin, 'keys.install', { expectedCheckValue: orgCheck });
    assert.equal(!refused.ok && refused.error.code, 'org_keys_check_mismatch');
    assert.ok(!refused.ok && refused.error.ja.includes('T-KEY-R') && refused.error.ja.includes(orgKeysCheckValue(rogueKeys)), 'names the sender and what it sent');
    assert.deepEqual(keyState(n), before, 'the rogue keys were not installed; N keeps its enrolment key');
    assert.notEqual(orgKeysCheckValue(n.t.kura.store.orgKeys), orgKeysCheckValue(rogueKeys));
    assert.equal((await n.t.call(nAdmin, 'keys.status', {})).origin, 'created');
  });

  it('DP-2, DP-6: the first-terminal declaration is made once, only over created keys and not while waiting; the declared terminal takes no other keys', async () => {
    const aAdmin = await admin(a);
    const twice = await a.t.raw(aAdmin, 'keys.declareFirst', {});
    assert.equal(!twice.ok && twice.error.code, 'org_keys_first_declared');
    const relayed = await b.t.raw(await admin(b), 'keys.declareFirst', {});
    assert.equal(!relayed.ok && relayed.error.code, 'org_keys_already_relayed');
    const waiting = await c.t.raw(await admin(c), 'keys.declareFirst', {});
    assert.equal(!waiting.ok && waiting.error.code, 'org_keys_awaiting');
    // A declared terminal's keys are the organisation's: it neither asks for nor installs another set.
    const ask = await a.t.raw(aAdmin, 'keys.request', {});
    assert.equal(!ask.ok && ask.error.code, 'org_keys_first_declared');
    assert.throws(() => installOrgKeys(a.t.kura.store, b.t.kura.store.orgKeys, { relayedBy: 'T-KEY-B', now: a.t.clock.now() }), { code: 'org_keys_first_declared' });
    // AC-11: only a terminal administrator declares (one session per terminal: the clerk's ends the administrator's).
    const clerk = await a.t.raw(await a.t.clerk('relay.declarer', 'EDIT', ['kyufu'], 'kyufu'), 'keys.declareFirst', {});
    assert.equal(!clerk.ok && clerk.error.code, 'forbidden');
    const declared = (await a.t.call(await admin(a), 'audit.list', { limit: 10, event: 'keys.declareFirst' })).entries;
    assert.deepEqual(declared.map((e) => e.outcome).sort(), ['ok', 'refused', 'refused'], 'AU-1: the declaration and both refusals at A are logged');
  });

  it('DP-2: kura-admin asks for, and installs, the keys through the same router (sync keys request|install)', async () => {
    const dir = makeDataDir();
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    // Asynchronous: the data center runs in this process and must keep answering while the CLI waits.
    const cli = (...args: string[]): Promise<{ code: number; out: string; err: string }> =>
      new Promise((resolve) => {
        const child = execFile('node', ['--import', 'tsx', 'main/cli/entry.ts', '--data-dir', dir, ...args], { encoding: 'utf8', env: { ...process.env, KURA_PASSWORD: MANAGER.password } }, (error, out, err) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
        );
        child.stdin?.end();
      });
    assert.equal((await cli('init', '--terminal-name', '支部-端末02', '--user-id', MANAGER.userId, '--employee-no', MANAGER.employeeNo, '--name', MANAGER.name)).code, 0);
    const bundleFile = join(dir, 'bundle.json');
    writeFileSync(bundleFile, JSON.stringify(dc.enrol('T-KEY-CLI')), { mode: 0o600 });
    const configured = await cli('sync', 'configure', '--as', MANAGER.userId, '--bundle', bundleFile, '--server-url', dc.server.url);
    assert.equal(configured.code, 0, configured.err);
    const asked = await cli('sync', 'keys', 'request', '--as', MANAGER.userId);
    assert.equal(asked.code, 0, asked.err);
    const fingerprint = /([0-9A-F]{4}(?:-[0-9A-F]{4}){4})/.exec(asked.out)?.[1];
    assert.ok(fingerprint, asked.out);
    const orgCheck = (await a.t.call(await admin(a), 'keys.status', {})).checkValue;
    const noCheck = await cli('sync', 'keys', 'install', '--as', MANAGER.userId);
    assert.equal(noCheck.code, 2);
    assert.match(noCheck.err, /--check-value を指定してください/);
    const early = await cli('sync', 'keys', 'install', '--as', MANAGER.userId, '--check-value', orgCheck);
    assert.equal(early.code, 2);
    assert.match(early.err, /管理者端末がまだ鍵を渡していません/, 'Japanese first');
    // While it waits for keys, it cannot be declared the first terminal either.
    const declare = await cli('sync', 'keys', 'declare-first', '--as', MANAGER.userId);
    assert.equal(declare.code, 2);
    assert.match(declare.err, /組織鍵の受け取り待ち/);
    await a.t.call(await admin(a), 'keys.grant', { terminalId: 'T-KEY-CLI', fingerprint });
    const installed = await cli('sync', 'keys', 'install', '--as', MANAGER.userId, '--check-value', orgCheck.toLowerCase());
    assert.equal(installed.code, 0, installed.err);
    assert.ok(installed.out.includes(orgCheck), 'the check value matches the organisation\'s');
  });
});
