// The drives attached to this terminal, behind a small interface so the rules never depend on the OS.
// The real implementation reads systeminformation (lsblk on Linux, PowerShell on Windows,
// diskutil on macOS); tests and the dev host use the fake in fake-drives.ts.

export type Drive = {
  /** Stable for as long as the drive stays attached (device path or volume identifier). */
  driveId: string;
  /** USB vendor and product IDs (4 hex digits each) when the OS reports them. */
  vendorId: string | null;
  productId: string | null;
  vendor: string;
  product: string;
  /** The device serial; empty when the device reports none (refused, MD-2). */
  serial: string;
  /** Filesystem UUID of the volume: a format gives a new one. */
  fsUuid: string;
  label: string;
  fsType: string;
  mountPoint: string | null;
  sizeBytes: number;
};

export type DriveEvent = { kind: 'inserted' | 'removed'; drive: Drive };

export interface DriveService {
  /** Removable drives attached now. Never throws for "no drive": that is an empty list. */
  list(): Promise<Drive[]>;
  /** Calls back on insert and removal; returns the function that stops watching. */
  watch(listener: (event: DriveEvent) => void): () => void;
}

/** Compares two lists and reports what came and went (used by every implementation's watcher). */
export function diffDrives(before: readonly Drive[], after: readonly Drive[]): DriveEvent[] {
  const key = (d: Drive): string => `${d.driveId}|${d.serial}|${d.fsUuid}|${d.mountPoint ?? ''}`;
  const was = new Map(before.map((d) => [key(d), d]));
  const now = new Map(after.map((d) => [key(d), d]));
  const events: DriveEvent[] = [];
  for (const [k, d] of was) if (!now.has(k)) events.push({ kind: 'removed', drive: d });
  for (const [k, d] of now) if (!was.has(k)) events.push({ kind: 'inserted', drive: d });
  return events;
}
