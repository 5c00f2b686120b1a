import { useEffect } from 'react';
import type { HostClient } from '../../../../shared/contract/host';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Locks the file after `minutes` without keyboard or pointer activity (0 = never). */
export function useAutoLock(host: HostClient, minutes: number, unlocked: boolean): void {
  useEffect(() => {
    if (!unlocked || minutes <= 0) return;
    let timer = setTimeout(lock, minutes * 60_000);
    function lock() {
      void host.send('vault.lock', {});
    }
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity);
    };
  }, [host, minutes, unlocked]);
}
