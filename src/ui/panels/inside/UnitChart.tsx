import type { GateKey, TraceView } from '../../../engine/inspect/inside';
import { GATE_INFO, round, unitSeries } from './gateInfo';

const COLORS: Record<GateKey, string> = {
  inputGate: 'var(--series-3)',
  forgetGate: 'var(--series-1)',
  outputGate: 'var(--series-4)',
  candidate: 'var(--series-5)',
  cell: 'var(--series-2)',
  hidden: 'var(--text)',
};
const KEYS: GateKey[] = ['inputGate', 'forgetGate', 'outputGate', 'candidate', 'cell', 'hidden'];
const WIDTH = 460;
const HEIGHT = 160;
const PAD = 28;

/** One unit's gates and states over time, as lines (SVG), with the values listed for screen readers. */
export function UnitChart({ trace, unit, marks }: { trace: TraceView; unit: number; marks: readonly number[] }) {
  const series = KEYS.map((key) => ({ key, values: unitSeries(trace, key, unit) }));
  const all = series.flatMap((s) => s.values).filter(Number.isFinite);
  const low = Math.min(-1, ...all);
  const high = Math.max(1, ...all);
  const x = (t: number) => PAD + (trace.timesteps <= 1 ? 0 : (t / (trace.timesteps - 1)) * (WIDTH - PAD - 8));
  const y = (v: number) => 6 + ((high - v) / (high - low)) * (HEIGHT - 24);
  const path = (values: number[]) => values.map((v, t) => `${t ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('');
  return (
    <figure className="unit-chart" data-testid="unit-chart">
      <figcaption>
        Unit {unit + 1}
        {trace.direction ? ` (${trace.direction})` : ''} over the {trace.timesteps} timesteps
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Unit ${unit + 1}: ${series.map((s) => `${GATE_INFO[s.key].title} from ${round(s.values[0] ?? 0)} to ${round(s.values.at(-1) ?? 0)}`).join('; ')}.`}>
        <line x1={PAD} x2={WIDTH - 8} y1={y(0)} y2={y(0)} stroke="var(--grid)" />
        <text x={PAD - 4} y={y(high) + 4} textAnchor="end" className="axis-text">
          {round(high)}
        </text>
        <text x={PAD - 4} y={y(low)} textAnchor="end" className="axis-text">
          {round(low)}
        </text>
        {marks.map((m) => (
          <line key={m} x1={x(m - 0.5)} x2={x(m - 0.5)} y1={4} y2={HEIGHT - 18} stroke="var(--muted)" strokeDasharray="3 3" />
        ))}
        {series.map((s) => (
          <path key={s.key} d={path(s.values)} fill="none" stroke={COLORS[s.key]} strokeWidth={s.key === 'cell' || s.key === 'hidden' ? 2 : 1.25} />
        ))}
      </svg>
      <ul className="chart-legend">
        {KEYS.map((key) => (
          <li key={key}>
            <span className="swatch" style={{ background: COLORS[key] }} aria-hidden="true" />
            {GATE_INFO[key].title}
          </li>
        ))}
      </ul>
    </figure>
  );
}
