// BL-1: an update is accepted only when its manifest is signed by the pinned Ed25519 key, the package
// matches the signed sha256, and the version moves forward from a version the manifest allows. Every
// refusal comes back with its code. Keys are throwaway pairs made here; the shipped key is a placeholder.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { manifestSigningText, parseUpdateKey, verifyUpdatePackage, type UpdateManifest } from '../../main/core/updates';
import { configureUpdates } from '../../main/rpc/handlers/updates';
import { startKura, type TestKura } from '../helpers/kura';

const CURRENT = '1.4.2';

type Signer = { privateKey: KeyObject; publicKey: KeyObject };
const newSigner = (): Signer => generateKeyPairSync('ed25519');

const dir = mkdtempSync(join(tmpdir(), 'kura-bl1-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a package and its signed manifest; `edit` changes the manifest after signing (tampering). */
function makePackage(signer: Signer, fields: Partial<UpdateManifest> = {}, options: { edit?: (m: Record<string, unknown>) => void; body?: Buffer } = {}): string {
  const body = options.body ?? Buffer.from(`kura installer ${n}`);
  const path = join(dir, `kura-setup-${n++}.exe`);
  writeFileSync(path, body);
  const manifest: UpdateManifest = {
    version: '1.5.0', sha256: createHash('sha256').update(body).digest('hex'), minimumVersion: '1.0.0', created: '2026-11-20T09:00:00+09:00', ...fields,
  };
  const signature = sign(null, manifestSigningText(manifest), signer.privateKey).toString('base64');
  const envelope: Record<string, unknown> = { manifest: { ...manifest }, signature };
  options.edit?.(envelope);
  writeFileSync(`${path}.manifest.json`, JSON.stringify(envelope, null, 2));
  return path;
}

const verifyWith = (signer: Signer, packagePath: string, currentVersion = CURRENT) =>
  verifyUpdatePackage({ packagePath, key: signer.publicKey, currentVersion });

async function refusalOf(signer: Signer, packagePath: string, currentVersion = CURRENT): Promise<string> {
  const v = await verifyWith(signer, packagePath, currentVersion);
  assert.equal(v.ok, false, 'expected a refusal');
  return v.ok ? 'ok' : v.refusal.code;
}

describe('BL-1: signed update packages', () => {
  const society = newSigner();

  it('BL-1: a good package signed by the pinned key is verified and its path returned', async () => {
    const path = makePackage(society);
    const v = await verifyWith(society, path);
    assert.ok(v.ok);
    assert.equal(v.packagePath, path);
    assert.equal(v.manifest.version, '1.5.0');
  });

  it('BL-1: a tampered package (one byte changed after signing) is refused: update_hash_mismatch', async () => {
    const path = makePackage(society);
    const bytes = readFileSync(path);
    bytes[0] = bytes[0]! ^ 0x01;
    writeFileSync(path, bytes);
    assert.equal(await refusalOf(society, path), 'update_hash_mismatch');
  });

  it('BL-1: a tampered manifest (version, hash or minimum changed after signing) is refused: update_signature_invalid', async () => {
    const edits: ((m: Record<string, unknown>) => void)[] = [
      (e) => ((e.manifest as Record<string, unknown>).version = '9.0.0'),
      (e) => ((e.manifest as Record<string, unknown>).minimumVersion = '0.0.1'),
      (e) => ((e.manifest as Record<string, unknown>).sha256 = 'a'.repeat(64)),
    ];
    for (const edit of edits) assert.equal(await refusalOf(society, makePackage(society, {}, { edit })), 'update_signature_invalid');
  });

  it('BL-1: a package signed by another key is refused: update_signature_invalid', async () => {
    const stranger = newSigner();
    assert.equal(await refusalOf(society, makePackage(stranger)), 'update_signature_invalid');
  });

  it('BL-1: a downgrade is refused: update_downgrade', async () => {
    assert.equal(await refusalOf(society, makePackage(society, { version: '1.4.1' })), 'update_downgrade');
    // Numeric, not string, comparison: 1.10.0 is newer than 1.9.0.
    assert.equal(await refusalOf(society, makePackage(society, { version: '1.9.0' }), '1.10.0'), 'update_downgrade');
  });

  it('BL-1: reinstalling the installed version is refused: update_same_version', async () => {
    assert.equal(await refusalOf(society, makePackage(society, { version: CURRENT })), 'update_same_version');
  });

  it('BL-1: an installed version below the manifest minimum is refused: update_below_minimum', async () => {
    assert.equal(await refusalOf(society, makePackage(society, { version: '2.0.0', minimumVersion: '1.5.0' })), 'update_below_minimum');
    const ok = await verifyWith(society, makePackage(society, { version: '2.0.0', minimumVersion: CURRENT }));
    assert.ok(ok.ok, 'the minimum itself may update');
  });

  it('BL-1: a malformed manifest is refused: update_manifest_malformed (and a missing one: update_manifest_missing)', async () => {
    const cases: ((e: Record<string, unknown>) => void)[] = [
      (e) => delete (e.manifest as Record<string, unknown>).sha256,
      (e) => ((e.manifest as Record<string, unknown>).version = 'v1.5'),
      (e) => ((e.manifest as Record<string, unknown>).extra = 'x'),
      (e) => (e.signature = 'not base64!'),
    ];
    for (const edit of cases) assert.equal(await refusalOf(society, makePackage(society, {}, { edit })), 'update_manifest_malformed');
    const notJson = makePackage(society);
    writeFileSync(`${notJson}.manifest.json`, '{"manifest":');
    assert.equal(await refusalOf(society, notJson), 'update_manifest_malformed');
    const bare = join(dir, 'no-manifest.exe');
    writeFileSync(bare, 'x');
    assert.equal(await refusalOf(society, bare), 'update_manifest_missing');
  });

  it('BL-1: the key file shipped in resources/ is a marked placeholder and verifies nothing', () => {
    const shipped = readFileSync('resources/update-signing.pub', 'utf8');
    const key = parseUpdateKey(shipped);
    assert.equal(key.ok, false);
    assert.equal(key.ok ? '' : key.refusal.code, 'update_key_placeholder');
    const real = parseUpdateKey(society.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    assert.ok(real.ok);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    assert.equal(parseUpdateKey(rsa).ok, false, 'only an Ed25519 key may be pinned');
  });
});

describe('BL-1: update.verify through the router', () => {
  let t: TestKura;
  const society = newSigner();
  beforeAll(async () => {
    t = await startKura();
  });
  afterAll(() => t.close());

  it('BL-1: a system administrator verifies a package; the verdict and refusals are logged; a clerk is refused', async () => {
    const admin = await t.clerk('joho.kanri', 'NONE', [], undefined, ['sysadmin']);
    // Unconfigured, the shipped placeholder key is pinned: nothing can be installed (fail closed).
    const good = makePackage(society, { version: '0.2.0', minimumVersion: '0.1.0' });
    const placeholder = await t.call(admin, 'update.verify', { packagePath: good });
    assert.equal(placeholder.ok, false);
    assert.equal(placeholder.ok ? '' : placeholder.problem.code, 'update_key_placeholder');

    configureUpdates(t.kura, { publicKeyPem: society.publicKey.export({ type: 'spki', format: 'pem' }).toString(), currentVersion: '0.1.0' });
    const r = await t.call(admin, 'update.verify', { packagePath: good });
    assert.ok(r.ok);
    assert.equal(r.version, '0.2.0');
    assert.equal(r.packagePath, good);

    const old = await t.call(admin, 'update.verify', { packagePath: makePackage(society, { version: '0.0.9' }) });
    assert.equal(old.ok ? '' : old.problem.code, 'update_downgrade');
    assert.match(old.ok ? '' : old.problem.ja, /ダウングレード/);

    const clerk = await t.clerk('tanaka.hanako', 'EDIT', ['tekiyo'], 'tekiyo');
    const refused = await t.raw(clerk, 'update.verify', { packagePath: good });
    assert.equal(refused.ok ? '' : refused.error.code, 'forbidden');

    const log = t.kura.audit.recent(10, 'update.verify');
    const outcomes = log.map((e) => [e.operator, e.outcome, e.detail.reason ?? null]).reverse();
    assert.deepEqual(outcomes, [
      ['joho.kanri', 'refused', 'update_key_placeholder'],
      ['joho.kanri', 'ok', null],
      ['joho.kanri', 'refused', 'update_downgrade'],
      ['tanaka.hanako', 'refused', 'forbidden'],
    ]);
    assert.equal(log.find((e) => e.outcome === 'ok')?.detail.version, '0.2.0');
  });
});
