/** Colour scales for heatmaps: sequential for [0, 1] (gates), diverging for signed values (states). */

export type ScaleKind = 'unit' | 'signed';

/** RGB of a value: 'unit' maps 0 → pale, 1 → deep blue; 'signed' maps −limit → red, 0 → pale, +limit → blue. */
export function colorOf(value: number, kind: ScaleKind, limit = 1): [number, number, number] {
  if (!Number.isFinite(value)) return [128, 128, 128];
  const pale: [number, number, number] = [247, 247, 247];
  const blue: [number, number, number] = [33, 102, 172];
  const red: [number, number, number] = [178, 24, 43];
  const mix = (a: [number, number, number], b: [number, number, number], t: number): [number, number, number] => [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
  if (kind === 'unit') return mix(pale, blue, Math.min(1, Math.max(0, value)));
  const t = Math.min(1, Math.abs(value) / (limit || 1));
  return mix(pale, value < 0 ? red : blue, t);
}

export const rgb = ([r, g, b]: [number, number, number]) => `rgb(${r}, ${g}, ${b})`;
