import { useMemo, useState } from 'react';
import { GATE_KEYS, type Contrast, type TraceView } from '../../../engine/inspect/inside';
import { probeableLayers } from '../../../engine/inspect/probe';
import type { AnyExperiment, AnyParamValues } from '../../../experiments/types';
import { setInsideSettings } from '../../../state/actions';
import { useStore } from '../../../state/store';
import { Heatmap } from '../../canvas/Heatmap';
import { formatCount } from '../../format';
import { useThrottled } from '../../useThrottled';
import { describeMap, GATE_INFO, maxAbs, round } from './gateInfo';
import { UnitChart } from './UnitChart';
import { WeightHealth } from './WeightHealth';

function layersOf(experiment: AnyExperiment, values: AnyParamValues) {
  try {
    return probeableLayers(experiment.model(values));
  } catch {
    return [];
  }
}

function TraceMaps({ trace, marks, selected, onSelect }: { trace: TraceView; marks: readonly number[]; selected: number | null; onSelect(unit: number): void }) {
  return (
    <div className="gate-grid">
      {GATE_KEYS.map((key) => {
        const info = GATE_INFO[key];
        const limit = info.scale === 'unit' ? 1 : Math.max(1e-6, maxAbs(trace.maps[key]));
        return (
          <div key={key} className="gate-map" data-testid={`heatmap-${key}${trace.direction ? `-${trace.direction}` : ''}`}>
            <Heatmap
              values={trace.maps[key]}
              columns={trace.timesteps}
              rows={trace.units}
              scale={info.scale}
              limit={limit}
              marks={marks}
              selectedRow={selected}
              label={`${info.title}${info.scale === 'signed' ? ` (±${limit.toPrecision(2)})` : ''}`}
              description={describeMap(key, trace)}
              onSelect={(row) => onSelect(row)}
            />
            <p className="muted small">{info.meaning}</p>
          </div>
        );
      })}
    </div>
  );
}

/** Which units hold what must be remembered: the cell state of a variant minus the example's. */
/** Mean forget gate of a unit over the steps after the difference first appears (how it keeps what it holds). */
function keeping(contrast: Contrast, trace: TraceView, unit: number): number {
  const U = contrast.units;
  let start = contrast.timesteps;
  for (let t = 0; t < contrast.timesteps; t++) {
    if (Math.abs(contrast.cellDiff[t * U + unit] ?? 0) > 1e-6) {
      start = t + 1;
      break;
    }
  }
  let sum = 0;
  let count = 0;
  for (let t = start; t < contrast.timesteps; t++) {
    sum += trace.maps.forgetGate[t * trace.units + unit] ?? 0;
    count++;
  }
  return count ? sum / count : Number.NaN;
}

function ContrastView({ contrast, trace, selected, onSelect }: { contrast: Contrast; trace: TraceView; selected: number | null; onSelect(unit: number): void }) {
  const limit = Math.max(1e-6, maxAbs(contrast.cellDiff));
  const units = contrast.top.map(({ unit, diff }) => `unit ${unit + 1} (${diff > 0 ? '+' : ''}${round(diff)})`).join(', ');
  const forget = contrast.top.map(({ unit }) => keeping(contrast, trace, unit)).filter(Number.isFinite);
  const sentence =
    `At the last step the cell states differ most in ${units}: these units hold it.` +
    (forget.length ? ` Their forget gates average ${forget.map(round).join(', ')} on the steps after it came in: that is how the cell keeps it.` : '');
  return (
    <div className="contrast" data-testid="contrast">
      <h3>What it remembers</h3>
      <p className="small">
        The cell state when {contrast.label}, minus the cell state above. Units that stay pale do not care; units that light up
        carry the difference forward. {sentence}
      </p>
      <Heatmap
        values={contrast.cellDiff}
        columns={contrast.timesteps}
        rows={contrast.units}
        scale="signed"
        limit={limit}
        selectedRow={selected}
        label={`Cell state difference (±${limit.toPrecision(2)})`}
        description={`Cell state difference when ${contrast.label}, ${contrast.timesteps} timesteps by ${contrast.units} units. ${sentence}`}
        onSelect={(row) => onSelect(row)}
      />
    </div>
  );
}

/**
 * Inside the LSTM while it trains: one layer's gates and states over a probe example as
 * timesteps × units heatmaps (from the worker, computed from the current weights), a unit's
 * values over time, and the health of every weight array.
 */
export function InsidePanel({ experiment, values }: { experiment: AnyExperiment; values: AnyParamValues }) {
  const settings = useStore((s) => s.insideSettings);
  const inside = useThrottled(useStore((s) => s.inside), 500);
  const history = useStore((s) => s.insideHistory);
  const [selected, setSelected] = useState<number | null>(null);
  const layers = useMemo(() => layersOf(experiment, values), [experiment, values]);
  const payload = inside?.payload;
  const stateful = layers.some((l) => l.stateful);

  return (
    <section className="panel inside-panel" aria-labelledby="inside-title">
      <h2 id="inside-title">Inside the LSTM</h2>
      <p className="muted small">
        Each LSTM unit keeps a cell state c. At every timestep its forget gate f decides how much of c to keep, its input gate i how
        much of a new candidate g to write, and its output gate o how much of c to show as h. Below, one example goes through a
        layer with the weights the network has now: time runs left to right, one row per unit.
      </p>
      {!settings ? (
        <button type="button" onClick={() => setInsideSettings({ layerIndex: layers[0]?.layerIndex ?? 0, example: 0 })} disabled={layers.length === 0}>
          {layers.length === 0 ? 'This model has no LSTM layer' : 'Look inside'}
        </button>
      ) : (
        <>
          <div className="repeat-form">
            <label>
              Layer
              <select value={settings.layerIndex} onChange={(e) => setInsideSettings({ ...settings, layerIndex: Number(e.target.value) })}>
                {layers.map((l) => (
                  <option key={l.layerIndex} value={l.layerIndex}>
                    {l.layerIndex + 1}: {l.kind === 'bidirectional' ? 'Bidirectional LSTM' : 'LSTM'} ({l.units} units{l.stateful ? ', stateful' : ''})
                  </option>
                ))}
              </select>
            </label>
            <label>
              Example
              <input
                type="number"
                min={0}
                max={999}
                value={settings.example}
                onChange={(e) => Number.isInteger(e.target.valueAsNumber) && setInsideSettings({ ...settings, example: Math.max(0, Math.min(999, e.target.valueAsNumber)) })}
              />
            </label>
            <button type="button" onClick={() => setInsideSettings(null)}>
              Close
            </button>
          </div>
          {!payload ? (
            <p className="muted">Press Train: the gates appear as the network learns (and stay after the run).</p>
          ) : payload.unsupported ? (
            <p className="muted">{payload.unsupported}</p>
          ) : (
            <div aria-live="off">
              <p className="small" data-testid="inside-caption">
                Layer {payload.layerIndex + 1}, example {payload.example}, after {formatCount(inside.samplesSeen)} samples: {payload.inputShape[0]}{' '}
                timesteps of {payload.inputShape[1]} inputs.
                {payload.resets.length > 0 &&
                  ` The state is carried from batch to batch as in training; the black lines mark where it is reset (after step ${payload.resets.join(', ')}), wiping c and h.`}
                {' '}Hover or click a row to follow one unit.
              </p>
              {payload.traces.map((trace) => (
                <div key={trace.direction ?? 'lstm'}>
                  {trace.direction && <h3>{trace.direction === 'forward' ? 'Forward direction' : 'Backward direction'}</h3>}
                  <TraceMaps trace={trace} marks={payload.resets} selected={selected} onSelect={setSelected} />
                  {selected !== null && selected < trace.units && <UnitChart trace={trace} unit={selected} marks={payload.resets} />}
                </div>
              ))}
              {payload.contrast && payload.traces[0] && (
                <ContrastView contrast={payload.contrast} trace={payload.traces[0]} selected={selected} onSelect={setSelected} />
              )}
              <WeightHealth weights={payload.weights} history={history} />
            </div>
          )}
          <details className="small">
            <summary>How the gradient flows back in time</summary>
            <p>
              Training runs backpropagation through time: the error at the end of a sequence flows back through every timestep the
              layer read in that batch, multiplied at each step by the forget gate and the recurrent weights — so over long
              sequences it can fade (vanish) or blow up (explode), which the gradient norms above show. Nothing flows across a
              batch boundary: {stateful ? 'this model is stateful, so its state crosses batches but its gradient does not — ' : ''}
              splitting a long sequence into chunks this way is truncated backpropagation through time. The memory demonstration
              shows its price: trained one step per batch, the step that saw the first value never gets a gradient.
            </p>
          </details>
        </>
      )}
    </section>
  );
}
