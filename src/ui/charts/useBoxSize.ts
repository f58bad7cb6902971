import { useCallback, useEffect, useRef, useState } from 'react';

export interface BoxSize {
  width: number;
  height: number;
}

/**
 * The size of an element's content box, in whole px, as a ResizeObserver reports it: its first
 * report comes after the page's next layout, so mounting a chart never forces a layout of its own
 * (recharts' ResponsiveContainer read the box with getBoundingClientRect as it mounted, a
 * synchronous layout of the page in the middle of the task). Null until the first report.
 */
export function useBoxSize(): [ref: (node: HTMLElement | null) => void, size: BoxSize | null] {
  const [size, setSize] = useState<BoxSize | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((node: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box) return;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      setSize((was) => (was && was.width === width && was.height === height ? was : { width, height }));
    });
    watch.observe(node);
    observer.current = watch;
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, size];
}
