/** What recharts hands a custom tick (the props this one reads). */
export interface TickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: 'start' | 'middle' | 'end';
  fill?: string;
  className?: string;
  index?: number;
  payload?: { value?: unknown };
  tickFormatter?: (value: never, index: number) => string;
}

const SHIFT = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/**
 * An axis tick label as one plain SVG <text>. recharts' own label is its <Text>, which measures
 * every word in the page to wrap it within the axis (a forced layout per label whenever an axis
 * renders); a tick label never wraps.
 */
export function PlainTick({ x, y, textAnchor, verticalAnchor = 'middle', fill, className, index = 0, payload, tickFormatter }: TickProps) {
  const value = payload?.value;
  const text = tickFormatter ? tickFormatter(value as never, index) : String(value ?? '');
  return (
    <text x={x} y={y} dy={SHIFT[verticalAnchor]} textAnchor={textAnchor} fill={fill} className={className}>
      {text}
    </text>
  );
}
