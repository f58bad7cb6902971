import { lazy, type ComponentType } from 'react';
import type { AnyParamValues } from './types';

/**
 * Views and panels load with their first use: each is a chunk of its own, so the page's first
 * JavaScript holds none of them. `preloadView` fetches an experiment's view ahead of its first
 * preview, while the page is idle: loading and compiling it then would lengthen the task that
 * draws the first preview while the model trains.
 */
const VIEW_LOADERS = {
  echo: () => import('./echo/View').then((m) => m.EchoView),
  sine: () => import('./sine/View').then((m) => m.SineView),
  signals: () => import('./signals/View').then((m) => m.SignalsView),
  movingline: () => import('./movingline/View').then((m) => m.MovingLineView),
  addition: () => import('./addition/View').then((m) => m.AdditionView),
  cumsum: () => import('./cumsum/View').then((m) => m.CumsumView),
  rectangles: () => import('./rectangles/View').then((m) => m.RectanglesView),
  memory: () => import('./memory/View').then((m) => m.MemoryView),
  echowhole: () => import('./seqecho/View').then((m) => m.SeqEchoView),
  echopartial: () => import('./seqecho/View').then((m) => m.SeqEchoView),
  regression: () => import('./regression/View').then((m) => m.RegressionView),
  timeseries: () => import('./timeseries/View').then((m) => m.TimeSeriesView),
  curves: () => import('./curves/View').then((m) => m.CurvesView),
};
const DataTablePanel = lazy(() => import('./regression/DataTablePanel').then((m) => ({ default: m.DataTablePanel })));
const DataSourcePanel = lazy(() => import('./timeseries/DataSourcePanel').then((m) => ({ default: m.DataSourcePanel })));

/** Props every experiment view receives: the latest preview from the worker and the run's values. */
export interface ViewProps<P = unknown> {
  preview: P;
  values: AnyParamValues;
  /** Previews kept at the experiment's snapshot points (see Experiment.snapshotsAt). */
  snapshots: { samplesSeen: number; preview: P }[];
}

/** Panels an experiment adds under its form (e.g. its own data), by experiment id. */
export const FORM_PANELS: Record<string, ComponentType<{ values: AnyParamValues }>> = {
  timeseries: DataSourcePanel,
  regression: DataTablePanel,
};

/** How each experiment's live preview is drawn, by experiment id. Add a line to VIEW_LOADERS to add one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each view is typed by its own experiment's preview.
export const VIEWS: Record<string, ComponentType<ViewProps<any>>> = Object.fromEntries(
  Object.entries(VIEW_LOADERS).map(([id, load]) => [id, lazy(() => load().then((view) => ({ default: view as ComponentType<ViewProps<unknown>> })))]),
);

/** Starts loading an experiment's view (a no-op once loaded; a failure shows when the view is drawn). */
export function preloadView(id: string): void {
  const load = (VIEW_LOADERS as Record<string, (() => Promise<unknown>) | undefined>)[id];
  load?.().catch(() => undefined);
}
