import type { WeightStats } from '../../../engine/inspect/inside';
import type { InsideHistoryPoint } from '../../../state/store';
import { formatCompact } from '../../format';

const PALETTE = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)'];

function Histogram({ stats }: { stats: WeightStats }) {
  const max = Math.max(1, ...stats.histogram);
  const width = 96;
  const bar = width / stats.histogram.length;
  return (
    <svg width={width} height={22} role="img" aria-label={`Histogram of ${stats.count} weights from ${stats.min.toFixed(2)} to ${stats.max.toFixed(2)}`}>
      {stats.histogram.map((count, i) => (
        <rect key={i} x={i * bar} y={22 - (count / max) * 22} width={Math.max(1, bar - 0.5)} height={(count / max) * 22} fill="var(--series-1)" />
      ))}
    </svg>
  );
}

/** Gradient norms of the last step over training, log scale: vanishing shows as a fall, exploding as a climb. */
function GradientCurves({ history, names }: { history: readonly InsideHistoryPoint[]; names: readonly string[] }) {
  const points = history.filter((p) => p.gradientNorms.some((g) => g !== null && g > 0));
  if (points.length < 2) return null;
  const logs = points.flatMap((p) => p.gradientNorms.filter((g): g is number => g !== null && g > 0).map(Math.log10));
  const low = Math.floor(Math.min(...logs));
  const high = Math.ceil(Math.max(...logs)) + (Math.ceil(Math.max(...logs)) === Math.floor(Math.min(...logs)) ? 1 : 0);
  const first = points[0]?.samplesSeen ?? 0;
  const last = points.at(-1)?.samplesSeen ?? 1;
  const x = (s: number) => 36 + ((s - first) / Math.max(1, last - first)) * 410;
  const y = (g: number) => 6 + ((high - Math.log10(g)) / (high - low)) * 120;
  return (
    <figure>
      <figcaption>Gradient norm of each weight array over training (log scale)</figcaption>
      <svg viewBox="0 0 460 150" role="img" aria-label={`Gradient norms from ${formatCompact(first)} to ${formatCompact(last)} samples, between 1e${low} and 1e${high}.`}>
        {[low, high].map((e) => (
          <text key={e} x={32} y={y(10 ** e) + 4} textAnchor="end" className="axis-text">
            1e{e}
          </text>
        ))}
        {names.map((name, i) => {
          const d = points
            .map((p) => ({ s: p.samplesSeen, g: p.gradientNorms[i] }))
            .filter((p): p is { s: number; g: number } => p.g !== null && p.g !== undefined && p.g > 0)
            .map((p, k) => `${k ? 'L' : 'M'}${x(p.s).toFixed(1)},${y(p.g).toFixed(1)}`)
            .join('');
          return <path key={name} d={d} fill="none" stroke={PALETTE[i % PALETTE.length]} strokeWidth={1.25} />;
        })}
        <text x={446} y={146} textAnchor="end" className="axis-text">
          samples seen
        </text>
      </svg>
    </figure>
  );
}

/** Every weight array: size, norm, histogram, and its gradient norm now and over training. */
export function WeightHealth({ weights, history }: { weights: readonly WeightStats[]; history: readonly InsideHistoryPoint[] }) {
  const noGradients = weights.every((w) => w.gradientNorm === null);
  return (
    <div className="weight-health">
      <h3>Weights and gradients</h3>
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Weights and gradients per layer">
        <table className="repeat-stats" data-testid="weight-table">
          <thead>
            <tr>
              <th scope="col">weights</th>
              <th scope="col">count</th>
              <th scope="col">norm</th>
              <th scope="col">gradient norm</th>
              <th scope="col">histogram</th>
            </tr>
          </thead>
          <tbody>
            {weights.map((w, i) => (
              <tr key={w.name}>
                <th scope="row">
                  <span className="swatch-inline" style={{ background: PALETTE[i % PALETTE.length] }} aria-hidden="true" /> {w.name}
                </th>
                <td>{w.count.toLocaleString('en')}</td>
                <td>{w.norm.toPrecision(3)}</td>
                <td>{w.gradientNorm === null ? '–' : w.gradientNorm.toPrecision(3)}</td>
                <td>
                  <Histogram stats={w} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {noGradients ? (
        <p className="muted small">
          No gradient norms here: TF.js keeps its gradients inside trainOnBatch, and recomputing them on a stateful model would
          move its state. The fused CPU engine keeps them for every model it trains.
        </p>
      ) : (
        <GradientCurves history={history} names={weights.map((w) => w.name)} />
      )}
    </div>
  );
}
