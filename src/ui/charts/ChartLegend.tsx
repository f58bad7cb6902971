import type { ChartLine } from './LiveLines';

interface Props {
  lines: readonly Pick<ChartLine, 'key' | 'label' | 'color' | 'dash'>[];
  /** The list's accessible name, e.g. "Loss runs". */
  label: string;
}

/** A chart's legend as an HTML list: it reads as text and wraps on a phone. Dashed lines get a dashed swatch. */
export function ChartLegend({ lines, label }: Props) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {lines.map((line) => (
        <li key={line.key}>
          <span
            className={line.dash ? 'swatch swatch-dashed' : 'swatch'}
            style={{ borderColor: line.color, background: line.dash ? undefined : line.color }}
            aria-hidden="true"
          />
          {line.label}
        </li>
      ))}
    </ul>
  );
}
