import { useMemo, type CSSProperties } from 'react';
import { createRng } from '../../engine/random';
import { formatShape } from '../../engine/summary';
import type { AnyExperiment, AnyParamValues } from '../../experiments/types';
import { PixelGrid } from '../canvas/PixelGrid';

const ROWS = 2;
const MAX_COLUMNS = 24;
const MAX_STEPS = 12;

function Matrix({ values, rows, columns, caption }: { values: Float32Array; rows: number; columns: number; caption: string }) {
  const shownColumns = Math.min(columns, MAX_COLUMNS);
  const shownRows = Math.min(rows, MAX_STEPS);
  return (
    <table className="matrix">
      <caption>{caption}</caption>
      <tbody>
        {Array.from({ length: shownRows }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: shownColumns }, (_, c) => {
              const v = values[r * columns + c] ?? 0;
              return (
                <td key={c} className={v !== 0 ? 'hot' : undefined}>
                  {Number.isInteger(v) ? v : v.toFixed(2)}
                </td>
              );
            })}
            {columns > shownColumns && <td className="muted">…</td>}
          </tr>
        ))}
        {rows > shownRows && (
          <tr>
            <td colSpan={shownColumns} className="muted">
              … {rows - shownRows} more steps
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** Side of the drawn first and last timestep of an image input, in CSS pixels. */
const IMAGE_SIDE = 96;

/**
 * An example whose timesteps are images [height, width, channels…]: its first
 * and last timestep drawn (channel 0), as a table of numbers would not fit.
 */
function ImageSteps(props: { source: Float32Array; offset: number; stepShape: number[]; steps: number; caption: string }) {
  const { source, offset, stepShape, steps, caption } = props;
  const [height = 1, width = 1] = stepShape;
  const stepLength = stepShape.reduce((a, b) => a * b, 1);
  const cell = Math.max(1, Math.round(IMAGE_SIDE / Math.max(height, width)));
  const images = useMemo(() => {
    const channels = stepLength / (height * width);
    return [...new Set([0, steps - 1])].map((step) => ({
      step,
      pixels: Float32Array.from({ length: height * width }, (_, i) => source[offset + step * stepLength + i * channels] ?? 0),
    }));
  }, [source, offset, steps, stepLength, height, width]);
  return (
    <figure style={IMAGE_STEPS_STYLE}>
      <figcaption className="muted small" style={{ flexBasis: '100%' }}>
        {caption}
      </figcaption>
      {images.map(({ step, pixels }) => (
        <PixelGrid
          key={step}
          values={pixels}
          rows={height}
          columns={width}
          cell={cell}
          label={`Timestep ${step + 1} of ${steps}, a ${height} × ${width} image`}
        />
      ))}
    </figure>
  );
}

const IMAGE_STEPS_STYLE: CSSProperties = { margin: 0, display: 'flex', flexWrap: 'wrap', gap: '0.3rem', alignItems: 'flex-start' };

/** The shapes of X and y and a few encoded examples: what the network actually receives. */
export function DataPreviewPanel({ experiment, values }: { experiment: AnyExperiment; values: AnyParamValues }) {
  const sample = useMemo(() => experiment.sampleBatch(values, createRng('data-preview'), ROWS), [experiment, values]);
  const plan = experiment.plan(values);
  const [rows = ROWS, steps = 1] = sample.xShape;
  // One timestep's shape: [features], or an image [height, width, channels].
  const stepShape = sample.xShape.slice(2);
  const features = stepShape.reduce((a, b) => a * b, 1);
  const images = stepShape.length > 1;
  const outWidth = sample.yShape.slice(1).reduce((a, b) => a * b, 1);
  // A sample may span several rows (a rectangle is 3 corner pairs): X holds that many rows per sample.
  const rowsPerSample = rows / (sample.samples ?? rows);
  const epochs = experiment.epochs?.(values);
  // A fixed data set is shown whole; generated data as the rows of the whole run.
  const totalRows = epochs === undefined ? Math.round(plan.totalSamples * rowsPerSample) : rows;
  const shownRows = Math.min(rows, ROWS * rowsPerSample);
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <p>
        X: <code data-testid="x-shape">{formatShape([totalRows, ...sample.xShape.slice(1)])}</code> · y:{' '}
        <code data-testid="y-shape">{formatShape([totalRows, ...sample.yShape.slice(1)])}</code>
      </p>
      <p className="muted small">
        {images
          ? '[samples, timesteps, height, width, channels] — below, the first and last timestep of each example.'
          : '[samples, timesteps, features] — each row below is one timestep of one example.'}
        {epochs !== undefined && ` The same ${rows} example${rows === 1 ? '' : 's'} every epoch, ${epochs.toLocaleString('en')} epochs.`}
      </p>
      {Array.from({ length: shownRows }, (_, row) => (
        // Wide examples scroll sideways: focusable, so the keyboard can scroll them too.
        <div key={row} className="example" tabIndex={0} role="group" aria-label={`Example ${row + 1}, inputs and target`}>
          {images ? (
            <ImageSteps
              source={sample.x}
              offset={row * steps * features}
              stepShape={stepShape}
              steps={steps}
              caption={`Example ${row + 1}: X`}
            />
          ) : (
            <Matrix
              values={sample.x.subarray(row * steps * features, (row + 1) * steps * features)}
              rows={steps}
              columns={features}
              caption={`Example ${row + 1}: X`}
            />
          )}
          <Matrix values={sample.y.subarray(row * outWidth, (row + 1) * outWidth)} rows={1} columns={outWidth} caption="y" />
        </div>
      ))}
    </section>
  );
}
