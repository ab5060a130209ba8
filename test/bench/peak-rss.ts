// A child process's own peak resident memory. On Linux VmHWM: a forked child starts as a copy of its
// parent, and the parent's resident size before the exec counts in the child's maxRSS (the bench's
// parent may hold a 1,000,000-member store by then). Elsewhere, maxRSS is the best there is.
import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
