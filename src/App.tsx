import { lazy, Suspense } from 'react';
import { findExperiment } from './experiments/registry';
import { FORM_PANELS } from './experiments/views';
import { useOfflineStore } from './offline/updateState';
import { useStore } from './state/store';
import { Charts } from './ui/charts/Charts';
import { ParamForm } from './ui/forms/ParamForm';
import { Header } from './ui/layout/Header';
import { TransportBar } from './ui/layout/TransportBar';
import { DataPreviewPanel } from './ui/panels/DataPreviewPanel';
import { EvaluationPanel } from './ui/panels/EvaluationPanel';
import { ExplainerPanel } from './ui/panels/ExplainerPanel';
import { LiveView } from './ui/panels/LiveView';
import { BudgetNote } from './ui/panels/BudgetNote';
import { ModelSummaryPanel } from './ui/panels/ModelSummaryPanel';
import { ComparePanel } from './ui/panels/ComparePanel';
import { DiagnosisPanel } from './ui/panels/DiagnosisPanel';

import { RepeatPanel } from './ui/panels/RepeatPanel';
import { WarningsBanner } from './ui/panels/WarningsBanner';

const InsidePanel = lazy(() => import('./ui/panels/inside/InsidePanel').then((m) => ({ default: m.InsidePanel })));
const UpdatePrompt = lazy(() => import('./offline/UpdatePrompt').then((m) => ({ default: m.UpdatePrompt })));
const HistoryPanel = lazy(() => import('./ui/panels/history/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const ModelPanel = lazy(() => import('./ui/panels/model/ModelPanel').then((m) => ({ default: m.ModelPanel })));
const CodePanel = lazy(() => import('./ui/panels/export/CodePanel').then((m) => ({ default: m.CodePanel })));
const ResultsExportPanel = lazy(() => import('./ui/panels/export/ResultsExportPanel').then((m) => ({ default: m.ResultsExportPanel })));
const GridPanel = lazy(() => import('./ui/panels/grid/GridPanel').then((m) => ({ default: m.GridPanel })));
const PoolPanel = lazy(() => import('./ui/panels/pool/PoolPanel').then((m) => ({ default: m.PoolPanel })));

export function App() {
  const experimentId = useStore((s) => s.experimentId);
  const values = useStore((s) => s.values);
  const updateWaiting = useOfflineStore((s) => s.updateWaiting);
  const experiment = findExperiment(experimentId);
  if (!experiment) return <p role="alert">Unknown experiment.</p>;
  const FormPanel = FORM_PANELS[experiment.id];
  return (
    <div className="app">
      <Header />
      {updateWaiting && (
        <Suspense fallback={null}>
          <UpdatePrompt />
        </Suspense>
      )}
      <WarningsBanner />
      <TransportBar />
      <BudgetNote experiment={experiment} values={values} />
      <main className="columns">
        <aside className="column column-form" aria-label="Settings">
          <h2 className="experiment-title">
            {experiment.title}
            <span className="subtitle">{experiment.subtitle}</span>
          </h2>
          <ParamForm experiment={experiment} />
          {FormPanel && (
            <Suspense fallback={null}>
              <FormPanel values={values} />
            </Suspense>
          )}
        </aside>
        <div className="column column-main">
          <LiveView experiment={experiment} />
          <Charts experiment={experiment} values={values} />
          <DiagnosisPanel experiment={experiment} />
          <Suspense fallback={null}>
            <InsidePanel experiment={experiment} values={values} />
          </Suspense>
          <ComparePanel experiment={experiment} />
          <RepeatPanel experiment={experiment} />
          <Suspense fallback={null}>
            <GridPanel experiment={experiment} />
            <PoolPanel experiment={experiment} />
          </Suspense>
          <Suspense fallback={null}>
            <HistoryPanel experiment={experiment} />
          </Suspense>
        </div>
        <aside className="column column-details" aria-label="Details">
          {/* What the problem is, what to try, what to watch: read before training, so first. */}
          <ExplainerPanel explainer={experiment.explainer} />
          <EvaluationPanel experiment={experiment} />
          <ModelSummaryPanel experiment={experiment} values={values} />
          <DataPreviewPanel experiment={experiment} values={values} />
          <Suspense fallback={null}>
            <ModelPanel experiment={experiment} />
            <ResultsExportPanel />
            <CodePanel experiment={experiment} values={values} />
          </Suspense>
        </aside>
      </main>
    </div>
  );
}
