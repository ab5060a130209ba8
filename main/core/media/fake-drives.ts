// A stand-in for USB hardware in tests and the dev host: a folder someone else created plays the
// mounted stick. It writes nothing itself; "formatting" is the caller emptying the folder.
import { diffDrives, type Drive, type DriveEvent, type DriveService } from './drives';

export type FakeStick = Partial<Omit<Drive, 'mountPoint'>> & { mountPoint: string };

export class FakeDrives implements DriveService {
  private drives: Drive[] = [];
  private readonly listeners = new Set<(event: DriveEvent) => void>();
  private seq = 0;

  insert(stick: FakeStick): Drive {
    this.seq++;
    const drive: Drive = {
      driveId: `/dev/fake${this.seq}`,
      vendorId: '0781',
      productId: '5581',
      vendor: 'SanDisk',
      product: 'Ultra',
      serial: `FAKE${String(this.seq).padStart(8, '0')}`,
      fsUuid: `FAKE-${String(this.seq).padStart(4, '0')}`,
      label: 'KURA',
      fsType: 'vfat',
      sizeBytes: 16 * 1024 ** 3,
      ...stick,
    };
    this.set([...this.drives, drive]);
    return drive;
  }

  remove(driveId: string): void {
    this.set(this.drives.filter((d) => d.driveId !== driveId));
  }

  /** Simulates a format on another machine: same device, same serial, new filesystem UUID. */
  reformat(driveId: string, fsUuid: string): void {
    this.set(this.drives.map((d) => (d.driveId === driveId ? { ...d, fsUuid } : d)));
  }

  async list(): Promise<Drive[]> {
    return this.drives.map((d) => ({ ...d }));
  }

  watch(listener: (event: DriveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: Drive[]): void {
    const events = diffDrives(this.drives, next);
    this.drives = next;
    for (const event of events) for (const l of this.listeners) l(event);
  }
}
