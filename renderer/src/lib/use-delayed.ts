// True once `active` has stayed true for `delayMs`: quick actions finish
// without a flash of progress, slow ones (over 300 ms) show it.
import { useEffect, useState } from 'react';

export function useDelayed(active: boolean, delayMs = 300): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [active, delayMs]);
  return active && shown;
}
