import type { ViewProps } from '../views';
import type { Point } from './data';
import type { RectanglesPreview } from './experiment';
import { ShapeCanvas } from './ShapeCanvas';
import './rectangles.css';

const LIVE_SIZE = 240;
const SNAPSHOT_SIZE = 104;

/** Two decimals, without a "-0.00" for tiny negatives. */
const coordinate = (v: number) => (Number.isFinite(v) ? (Math.abs(v) < 0.005 ? 0 : v).toFixed(2) : String(v));
const point = ([x, y]: Point) => `(${coordinate(x)}, ${coordinate(y)})`;

/** The shape in words: the text alternative of a canvas. */
function describe({ shape, fit }: RectanglesPreview): string {
  return (
    `Corners ${shape.map(point).join(' → ')}; nearest rectangle ${coordinate(fit.width)} × ${coordinate(fit.height)}, ` +
    `rectangularity error ${fit.deviation.toFixed(3)}.`
  );
}

/** The shape the network draws from (0, 0) now, and as it drew it after 100, 500, 1,000, 5,000 and 10,000 rectangles. */
export function RectanglesView({ preview, snapshots }: ViewProps<RectanglesPreview>) {
  const { shape, fit } = preview;
  return (
    <div className="rect-view">
      <p className="view-caption">
        The shape it draws now, from (0, 0), each predicted corner fed back (dashed: the nearest axis-aligned rectangle):
      </p>
      <div className="rect-live">
        <ShapeCanvas shape={shape} fit={fit} size={LIVE_SIZE} label={`Generated shape. ${describe(preview)}`} testId="rect-canvas-live" />
        <dl className="rect-numbers" data-testid="rect-numbers">
          <div>
            <dt>Corners</dt>
            <dd>
              <ol className="rect-corners">
                {shape.map((p, i) => (
                  <li key={i}>{point(p)}</li>
                ))}
              </ol>
            </dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>
              {coordinate(fit.width)} × {coordinate(fit.height)}
            </dd>
          </div>
          <div>
            <dt>Rectangularity error</dt>
            <dd data-testid="rect-deviation">{fit.deviation.toFixed(3)}</dd>
          </div>
        </dl>
      </div>
      <h3>Snapshots</h3>
      {snapshots.length === 0 ? (
        <p className="muted small">The shape is kept after 100, 500, 1,000, 5,000 and 10,000 rectangles.</p>
      ) : (
        <ol className="rect-snapshots" data-testid="rect-snapshots">
          {snapshots.map(({ samplesSeen, preview: snap }) => (
            <li key={samplesSeen}>
              <ShapeCanvas
                shape={snap.shape}
                fit={snap.fit}
                size={SNAPSHOT_SIZE}
                label={`After ${samplesSeen.toLocaleString('en')} rectangles. ${describe(snap)}`}
              />
              <span className="rect-snapshot-caption">
                after {samplesSeen.toLocaleString('en')}
                <br />
                {coordinate(snap.fit.width)} × {coordinate(snap.fit.height)}
                <br />
                error {snap.fit.deviation.toFixed(3)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
