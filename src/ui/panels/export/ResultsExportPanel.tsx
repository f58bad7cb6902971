import { useId, useState } from 'react';
import { findExperiment } from '../../../experiments/registry';
import { metricsCsv } from '../../../results/metricsCsv';
import { metricsJson } from '../../../results/metricsJson';
import { resultsBaseName, runResults } from '../../../results/runResults';
import { isActive, useStore } from '../../../state/store';
import { chartSvgOf, standaloneSvg, svgToPng } from '../../charts/chartImage';
import { downloadBlob, downloadText } from '../../download';
import { METRIC_LABELS } from '../../format';
import './export.css';

/**
 * Downloads of the current run: its curves as CSV, its settings, evaluation and curves as JSON,
 * and each chart as SVG or PNG. Enabled once the run has points; the files describe the run as it
 * is when the button is pressed (a running run exports what it has so far).
 */
export function ResultsExportPanel() {
  const run = useStore((s) => s.run);
  const status = useStore((s) => s.status);
  // Re-render as points arrive, so the buttons enable with the first one.
  useStore((s) => (s.run?.series?.samples.length ?? 0) > 0);
  const [message, setMessage] = useState('');
  const id = useId();
  const experiment = run ? findExperiment(run.experimentId) : undefined;
  const hasPoints = (run?.series?.samples.length ?? 0) > 0;
  const ready = Boolean(run && experiment && hasPoints);
  const charts = (run?.series?.metricNames ?? []).filter((m) => !m.startsWith('val_'));

  const results = () => (run && experiment ? runResults(experiment, run) : null);
  const base = () => (run ? resultsBaseName({ experimentId: run.experimentId, seed: run.seed }, run.id) : 'lstm-run');

  const exportChart = async (metric: string, format: 'svg' | 'png') => {
    const svg = chartSvgOf(metric);
    const label = METRIC_LABELS[metric] ?? metric;
    if (!svg) {
      setMessage(`The ${label} chart is not on the page yet.`);
      return;
    }
    try {
      const image = standaloneSvg(svg, `${label} · ${experiment?.title ?? ''} · seed ${run?.seed ?? ''}`);
      const fileName = `${base()}-${metric}.${format}`;
      if (format === 'svg') downloadText(fileName, image.text, 'image/svg+xml');
      else downloadBlob(fileName, await svgToPng(image));
      setMessage(`Downloading ${fileName}.`);
    } catch (error) {
      setMessage(`The chart could not be exported: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <section className="panel results-export" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Export results</h2>
      {!ready && <p className="muted small">Train to export this run’s curves, evaluation and charts.</p>}
      {ready && isActive(status) && <p className="muted small">The run is still training: the files hold what it has so far.</p>}
      <div className="export-group" role="group" aria-label="Metrics">
        <h3>Metrics</h3>
        <div className="export-actions">
          <button
            type="button"
            disabled={!ready}
            onClick={() => {
              const r = results();
              if (!r) return;
              downloadText(`${base()}-metrics.csv`, metricsCsv(r), 'text/csv');
              setMessage(`Downloading ${base()}-metrics.csv.`);
            }}
          >
            Metrics as CSV
          </button>
          <button
            type="button"
            disabled={!ready}
            onClick={() => {
              const r = results();
              if (!r) return;
              downloadText(`${base()}-results.json`, metricsJson(r, new Date()), 'application/json');
              setMessage(`Downloading ${base()}-results.json.`);
            }}
          >
            Results as JSON
          </button>
        </div>
      </div>
      {charts.length > 0 && (
        <div className="export-group" role="group" aria-label="Charts">
          <h3>Charts</h3>
          {charts.map((metric) => {
            const label = METRIC_LABELS[metric] ?? metric;
            return (
              <div className="export-actions" key={metric}>
                <span>{label}</span>
                <button type="button" disabled={!ready} aria-label={`${label} chart as SVG`} onClick={() => void exportChart(metric, 'svg')}>
                  SVG
                </button>
                <button type="button" disabled={!ready} aria-label={`${label} chart as PNG`} onClick={() => void exportChart(metric, 'png')}>
                  PNG
                </button>
              </div>
            );
          })}
        </div>
      )}
      <p className="muted small" role="status">
        {message}
      </p>
    </section>
  );
}
