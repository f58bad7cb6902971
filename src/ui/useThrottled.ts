import { useEffect, useRef, useState } from 'react';

/** The value, updated at most once per `intervalMs` (the last value always lands). */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastUpdate = useRef(0);
  useEffect(() => {
    const wait = lastUpdate.current + intervalMs - performance.now();
    const timer = setTimeout(
      () => {
        lastUpdate.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
