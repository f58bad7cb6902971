/** The values as bars and the running sum as a line against the n/4 threshold (SVG, no animation). */
interface Props {
  values: readonly number[];
  sums: readonly number[];
  threshold: number;
}

const WIDTH = 360;
const HEIGHT = 150;
const PAD = { left: 30, right: 8, top: 8, bottom: 20 };

export function SumChart({ values, sums, threshold }: Props) {
  const n = values.length;
  const top = Math.max(threshold * 1.25, sums.at(-1) ?? 0, 1);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(n, 1);
  const xAt = (t: number) => PAD.left + (t + 0.5) * slot;
  const yAt = (v: number) => PAD.top + plotH * (1 - v / top);
  const crossing = sums.findIndex((sum) => sum >= threshold);
  const line = sums.map((sum, t) => `${xAt(t).toFixed(1)},${yAt(sum).toFixed(1)}`).join(' ');
  const labelEvery = Math.ceil(n / 20);
  const description =
    `Running sum of ${n} values against the threshold ${threshold}: ` +
    (crossing < 0 ? 'it never reaches it.' : `it reaches it at step ${crossing} (sum ${(sums[crossing] ?? 0).toFixed(2)}).`);
  return (
    <svg className="cumsum-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} data-testid="cumsum-chart">
      <line className="cumsum-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={yAt(0)} y2={yAt(0)} />
      {[0, threshold, top].map((tick) => (
        <text key={tick} className="cumsum-tick" x={PAD.left - 4} y={yAt(tick) + 3} textAnchor="end">
          {Number(tick.toFixed(2))}
        </text>
      ))}
      {values.map((value, t) => (
        <rect key={t} className="cumsum-bar" x={xAt(t) - slot * 0.3} width={slot * 0.6} y={yAt(value)} height={yAt(0) - yAt(value)} />
      ))}
      <line className="cumsum-threshold" x1={PAD.left} x2={WIDTH - PAD.right} y1={yAt(threshold)} y2={yAt(threshold)} />
      <text className="cumsum-threshold-label" x={WIDTH - PAD.right} y={yAt(threshold) - 3} textAnchor="end">
        n/4 = {threshold}
      </text>
      <polyline className="cumsum-line" points={line} />
      {sums.map((sum, t) => (
        <circle key={t} className={t >= crossing && crossing >= 0 ? 'cumsum-dot cumsum-dot-on' : 'cumsum-dot'} cx={xAt(t)} cy={yAt(sum)} r={2.5} />
      ))}
      {values.map((_, t) =>
        t % labelEvery === 0 ? (
          <text key={t} className="cumsum-tick" x={xAt(t)} y={HEIGHT - 6} textAnchor="middle">
            {t}
          </text>
        ) : null,
      )}
    </svg>
  );
}
