import { lazy, type ComponentType } from 'react';
import type { AnyParamValues } from './types';

/**
 * Views and panels load with their first use: each is a chunk of its own, so the page's first
 * JavaScript holds none of them.
 */
const EchoView = lazy(() => import('./echo/View').then((m) => ({ default: m.EchoView })));
const SineView = lazy(() => import('./sine/View').then((m) => ({ default: m.SineView })));
const SignalsView = lazy(() => import('./signals/View').then((m) => ({ default: m.SignalsView })));
const RectanglesView = lazy(() => import('./rectangles/View').then((m) => ({ default: m.RectanglesView })));
const AdditionView = lazy(() => import('./addition/View').then((m) => ({ default: m.AdditionView })));
const CumsumView = lazy(() => import('./cumsum/View').then((m) => ({ default: m.CumsumView })));
const MovingLineView = lazy(() => import('./movingline/View').then((m) => ({ default: m.MovingLineView })));
const MemoryView = lazy(() => import('./memory/View').then((m) => ({ default: m.MemoryView })));
const SeqEchoView = lazy(() => import('./seqecho/View').then((m) => ({ default: m.SeqEchoView })));
const RegressionView = lazy(() => import('./regression/View').then((m) => ({ default: m.RegressionView })));
const DataTablePanel = lazy(() => import('./regression/DataTablePanel').then((m) => ({ default: m.DataTablePanel })));
const DataSourcePanel = lazy(() => import('./timeseries/DataSourcePanel').then((m) => ({ default: m.DataSourcePanel })));
const TimeSeriesView = lazy(() => import('./timeseries/View').then((m) => ({ default: m.TimeSeriesView })));
const CurvesView = lazy(() => import('./curves/View').then((m) => ({ default: m.CurvesView })));

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

/** How each experiment's live preview is drawn, by experiment id. Add a line to add one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each view is typed by its own experiment's preview.
export const VIEWS: Record<string, ComponentType<ViewProps<any>>> = {
  echo: EchoView,
  sine: SineView,
  signals: SignalsView,
  movingline: MovingLineView,
  addition: AdditionView,
  cumsum: CumsumView,
  rectangles: RectanglesView,
  memory: MemoryView,
  echowhole: SeqEchoView,
  echopartial: SeqEchoView,
  regression: RegressionView,
  timeseries: TimeSeriesView,
  curves: CurvesView,
};
