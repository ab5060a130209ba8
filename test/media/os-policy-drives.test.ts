// The OS half of MD-2 (USBGuard rules, Windows policy script generated from the ledger) and the drive
// service: systeminformation output mapped to drives, no crash without drives, insert/removal events.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { drivesFromSystem, FakeDrives, SystemDrives, usbguardRules, windowsPolicyScript, type BlockDeviceInfo, type DriveEvent, type Medium } from '../../main/core/media';
import { startMediaKit, type MediaKit } from './kit';

const medium = (over: Partial<Medium>): Medium => ({
  mediumId: 'M-0001', kind: 'usb_flash', label: '持出用USB 1', vendorId: '0781', productId: '5581', vendor: 'SanDisk', product: 'Ultra', serial: '4C530001234',
  fsUuid: '1234-ABCD', holder: '管理 太郎', storagePlace: '金庫A', status: 'active', tokenNonce: '0'.repeat(32), registeredBy: 'kanri.taro', registeredAt: '2026-11-24T00:00:00Z',
  revokedBy: null, revokedAt: null, revokeReason: null, disposedBy: null, disposedAt: null, disposalMethod: null, disposalWitness: null, takenOut: false, ...over,
});

describe('OS policy generated from the ledger (MD-2)', () => {
  it('MD-2: USBGuard allows exactly the active registered media by vendor:product and serial and blocks all other mass storage', () => {
    const text = usbguardRules([medium({}), medium({ mediumId: 'M-0002', serial: 'REVOKED1', status: 'revoked' }), medium({ mediumId: 'M-0003', serial: 'we"ird\\x', vendorId: null, productId: null, label: 'evil\nallow' })], '2026-11-24T00:00:00Z');
    const rules = text.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(rules, [
      'allow id 0781:5581 serial "4C530001234" with-interface equals { 08:*:* }',
      'allow serial "we\\"ird\\\\x" with-interface equals { 08:*:* }',
      'block with-interface one-of { 08:*:* }',
    ]);
    assert.ok(!text.includes('REVOKED1'));
    // A label with a newline cannot smuggle a rule in.
    assert.ok(text.split('\n').every((l) => !l.startsWith('allow') || l.includes('with-interface')));
  });

  it('MD-2: the Windows script denies removable devices, allows the registered instance IDs (layered) and denies writes to unprotected removable drives', () => {
    const text = windowsPolicyScript([medium({}), medium({ mediumId: 'M-0002', serial: "O'Brien", status: 'active', vendorId: 'abcd', productId: '12ef' }), medium({ mediumId: 'M-0003', serial: 'GONE', status: 'disposed' })], '2026-11-24T00:00:00Z');
    assert.match(text, /'DenyRemovableDevices' -Type DWord -Value 1/);
    assert.match(text, /'AllowInstanceIDs' -Type DWord -Value 1/);
    assert.match(text, /'AllowDenyLayered' -Type DWord -Value 1/);
    assert.match(text, /'RDVDenyWriteAccess' -Type DWord -Value 1/);
    assert.ok(text.includes("UsbInstanceId = 'USB\\VID_0781&PID_5581\\4C530001234'"));
    assert.ok(text.includes("Serial = 'O''Brien'"), 'single quotes are doubled in PowerShell strings');
    assert.ok(!text.includes('GONE'));
    const pwsh = spawnSync('pwsh', ['-NoProfile', '-Command', `$null = [ScriptBlock]::Create(@'\n${text}\n'@)`], { encoding: 'utf8' });
    if (!pwsh.error) assert.equal(pwsh.status, 0, pwsh.stderr);
  });

  describe('through the router', () => {
    let k: MediaKit;
    beforeAll(async () => {
      k = await startMediaKit();
    });
    afterAll(() => k.close());
    it('MD-2: the system administrator downloads the rules for the current ledger; a clerk cannot', async () => {
      const drive = k.stick({ serial: 'LEDGER-SERIAL-1' });
      await k.register(drive);
      const r = await k.t.call(k.admin, 'media.osPolicy', { target: 'usbguard' });
      assert.equal(r.media, 1);
      assert.ok(r.text.includes('serial "LEDGER-SERIAL-1"'));
      assert.equal(r.fileName, 'kura-media.rules');
      const clerk = await k.clerk('policy.clerk', 'LINK', ['renkei'], 'renkei');
      const refused = await k.t.raw(clerk, 'media.osPolicy', { target: 'windows' });
      assert.equal(!refused.ok && refused.error.code, 'forbidden');
    });
  });
});

describe('drives', () => {
  it('MD-2: lsblk-style output maps partitions to their USB disk (serial, removable) and USB IDs by serial; internal disks are ignored', () => {
    const blocks: BlockDeviceInfo[] = [
      { name: 'sda', type: 'disk', fsType: '', mount: '', size: 5e11, uuid: '', label: '', model: 'Samsung SSD', serial: 'S4EVNX0', removable: false, protocol: 'sata' },
      { name: 'sda1', type: 'part', fsType: 'ext4', mount: '/', size: 5e11, uuid: 'root-uuid', label: '', model: '', serial: '', removable: false, protocol: '' },
      { name: 'sdb', type: 'disk', fsType: '', mount: '', size: 16e9, uuid: '', label: '', model: 'Ultra', serial: '4C530001234', removable: true, protocol: 'usb' },
      { name: 'sdb1', type: 'part', fsType: 'vfat', mount: '/media/kura/KURA', size: 16e9, uuid: '1234-ABCD', label: 'KURA', model: '', serial: '', removable: false, protocol: '' },
      { name: 'sdc', type: 'disk', fsType: '', mount: '', size: 8e9, uuid: '', label: '', model: 'NoName', serial: '', removable: true, protocol: 'usb' },
      { name: 'sdc1', type: 'part', fsType: 'vfat', mount: '/media/x', size: 8e9, uuid: 'AAAA-BBBB', label: '', model: '', serial: '', removable: false, protocol: '' },
    ];
    const usb = [{ id: '0781:5581', name: 'Ultra', vendor: 'SanDisk Corp.', manufacturer: 'SanDisk', serialNumber: '4C530001234' }];
    const drives = drivesFromSystem(blocks, usb);
    assert.deepEqual(drives.map((d) => [d.driveId, d.serial, d.fsUuid, d.vendorId, d.productId, d.mountPoint]), [
      ['sdb1', '4C530001234', '1234-ABCD', '0781', '5581', '/media/kura/KURA'],
      ['sdc1', '', 'AAAA-BBBB', null, null, '/media/x'],
    ]);
  });

  it('MD-2: the real drive service lists without crashing on a machine with no removable drive', async () => {
    const drives = await new SystemDrives().list();
    assert.ok(Array.isArray(drives));
    assert.ok(drives.every((d) => d.fsUuid !== ''));
  });

  it('MD-1: the watcher reports insertion and removal', async () => {
    const fake = new FakeDrives();
    const events: DriveEvent[] = [];
    const stop = fake.watch((e) => events.push(e));
    const d = fake.insert({ mountPoint: '/nonexistent' });
    fake.remove(d.driveId);
    stop();
    fake.insert({ mountPoint: '/nonexistent' });
    assert.deepEqual(events.map((e) => `${e.kind}:${e.drive.driveId}`), [`inserted:${d.driveId}`, `removed:${d.driveId}`]);
  });
});
