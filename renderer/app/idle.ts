// AC-10: lock after idleLockSeconds without keyboard or pointer input. The main process locks too
// (the router marks an idle session locked at its next call); this makes the screen follow at once.
import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleLock(active: boolean, idleLockSeconds: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= idleLockSeconds * 1000) onIdle();
    }, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch);
      window.clearInterval(timer);
    };
  }, [active, idleLockSeconds, onIdle]);
}
