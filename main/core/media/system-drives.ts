// The real drive service over systeminformation. It only reads; it never mounts or writes.
import si from 'systeminformation';
import type { Systeminformation } from 'systeminformation';
import { diffDrives, type Drive, type DriveEvent, type DriveService } from './drives';

export type BlockDeviceInfo = Pick<Systeminformation.BlockDevicesData, 'name' | 'type' | 'fsType' | 'mount' | 'size' | 'uuid' | 'label' | 'model' | 'serial' | 'removable' | 'protocol'> & { device?: string };
export type UsbInfo = Pick<Systeminformation.UsbData, 'id' | 'name' | 'vendor' | 'manufacturer' | 'serialNumber'>;

/** sdb1 → sdb, nvme0n1p1 → nvme0n1, mmcblk0p1 → mmcblk0 (Linux partition to its disk). */
function parentDiskName(name: string): string {
  const m = /^(.*\d)p\d+$/.exec(name) ?? /^(\D+)\d+$/.exec(name);
  return m?.[1] ?? name;
}

/** "0781:5581" → ids; anything else (Windows reports a device number) → null. */
function usbIds(id: string | number): { vendorId: string | null; productId: string | null } {
  const m = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(String(id));
  return m ? { vendorId: m[1]!.toLowerCase(), productId: m[2]!.toLowerCase() } : { vendorId: null, productId: null };
}

/**
 * Joins volumes with their disk (serial, removable flag, transport) and the USB device list (vendor and
 * product IDs, matched by serial). Pure, so the mapping is tested with recorded OS output.
 */
export function drivesFromSystem(blocks: readonly BlockDeviceInfo[], usb: readonly UsbInfo[]): Drive[] {
  const disks = new Map(blocks.filter((b) => b.type === 'disk').map((b) => [b.name, b]));
  const volumes = blocks.filter((b) => b.type === 'part' || b.type === 'rom' || (b.type === 'disk' && b.uuid) || (b.type !== 'disk' && b.uuid));
  const drives: Drive[] = [];
  for (const volume of volumes) {
    const disk = volume.type === 'disk' ? volume : (disks.get(parentDiskName(volume.name)) ?? volume);
    const removable = volume.removable || disk.removable || disk.protocol === 'usb' || volume.type === 'rom';
    if (!removable || !volume.uuid) continue;
    const serial = (disk.serial || volume.serial || '').trim();
    const device = serial ? usb.find((u) => u.serialNumber && u.serialNumber.trim() === serial) : undefined;
    drives.push({
      driveId: volume.device || volume.name,
      ...(device ? usbIds(device.id) : { vendorId: null, productId: null }),
      vendor: (device?.vendor || device?.manufacturer || '').trim(),
      product: (device?.name || disk.model || '').trim(),
      serial,
      fsUuid: volume.uuid.trim(),
      label: (volume.label || '').trim(),
      fsType: volume.fsType || '',
      mountPoint: volume.mount || null,
      sizeBytes: Number.isFinite(volume.size) ? volume.size : 0,
    });
  }
  return drives;
}

export class SystemDrives implements DriveService {
  constructor(private readonly pollMs = 2000) {}

  async list(): Promise<Drive[]> {
    try {
      const [blocks, usb] = await Promise.all([si.blockDevices(), si.usb().catch(() => [])]);
      return drivesFromSystem(blocks, usb);
    } catch {
      // A machine where the OS tool is missing has, for Kura, no usable drive.
      return [];
    }
  }

  watch(listener: (event: DriveEvent) => void): () => void {
    let last: Drive[] = [];
    let stopped = false;
    let primed = false;
    const tick = async (): Promise<void> => {
      const now = await this.list();
      if (stopped) return;
      if (primed) for (const event of diffDrives(last, now)) listener(event);
      last = now;
      primed = true;
    };
    void tick();
    const timer = setInterval(() => void tick(), this.pollMs);
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }
}
