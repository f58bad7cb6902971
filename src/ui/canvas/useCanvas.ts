import { useEffect, useRef, useState, type RefObject } from 'react';

/** Bumps when the colour scheme or the page's theme attributes change, so canvases redraw in the new colours. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    return () => {
      media.removeEventListener('change', bump);
      observer.disconnect();
    };
  }, []);
  return version;
}

/** A CSS custom property where `element` sits (so light and dark themes both work). */
export function cssColor(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

export type Draw = (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement) => void;

/**
 * A canvas of `width` × `height` CSS pixels backed by devicePixelRatio times as
 * many device pixels (crisp on any screen), drawn in CSS pixel units by `draw`
 * whenever `draw` (keep it memoized), the size or the theme changes.
 */
export function useCanvas(width: number, height: number, draw: Draw): RefObject<HTMLCanvasElement | null> {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useThemeVersion();
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    ctx.setTransform(pixelWidth / width, 0, 0, pixelHeight / height, 0, 0);
    ctx.clearRect(0, 0, width, height);
    draw(ctx, canvas);
  }, [width, height, draw, theme]);
  return ref;
}
