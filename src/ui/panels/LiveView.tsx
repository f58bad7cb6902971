import { Component, memo, Suspense, useDeferredValue, useEffect, type ComponentType, type ReactNode } from 'react';
import type { AnyExperiment } from '../../experiments/types';
import { preloadView, VIEWS, type ViewProps } from '../../experiments/views';
import { whenIdle } from '../../state/afterLoad';
import { useStore } from '../../state/store';

/** Keeps a failing view from taking the page down. */
class ViewBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error) return <p className="field-error">This view could not be drawn: {this.state.error}</p>;
    return this.props.children;
  }
}

/**
 * The view itself, drawn only when its inputs change: with the deferred preview below, the urgent
 * render after each message bails out here, and the redraw (often several recharts charts) runs as
 * interruptible background work that yields to the page instead of one long task.
 */
const ExperimentView = memo(function ExperimentView({ View, ...props }: ViewProps & { View: ComponentType<ViewProps> }) {
  return <View {...props} />;
});

/** The experiment's own picture of what the network does, refreshed during training. */
export function LiveView({ experiment }: { experiment: AnyExperiment }) {
  const preview = useDeferredValue(useStore((s) => s.preview));
  const run = useStore((s) => s.run);
  const snapshots = useDeferredValue(useStore((s) => s.snapshots));
  const View = VIEWS[experiment.id];
  // Fetch and compile the view while the page is idle, not in the middle of a run's first preview.
  useEffect(() => {
    const id = experiment.id;
    return whenIdle(() => preloadView(id));
  }, [experiment.id]);
  return (
    <section className="panel live-view" aria-labelledby="view-title" data-testid="live-view">
      <h2 id="view-title">What the network does</h2>
      {preview === null || !run || !View ? (
        <p className="placeholder">The network's answers on fresh examples appear here while it trains.</p>
      ) : (
        <ViewBoundary key={run.id}>
          <Suspense fallback={<p className="placeholder">Loading the view…</p>}>
            <ExperimentView View={View} preview={preview} values={run.values} snapshots={snapshots} />
          </Suspense>
        </ViewBoundary>
      )}
    </section>
  );
}
