import type { ComponentType } from 'react';
import type { AnyParamValues } from './types';
import { EchoView } from './echo/View';
import { SineView } from './sine/View';
import { SignalsView } from './signals/View';
import { RectanglesView } from './rectangles/View';
import { AdditionView } from './addition/View';
import { CumsumView } from './cumsum/View';
import { MovingLineView } from './movingline/View';
import { MemoryView } from './memory/View';
import { SeqEchoView } from './seqecho/View';
import { RegressionView } from './regression/View';
import { DataTablePanel } from './regression/DataTablePanel';
import { DataSourcePanel } from './timeseries/DataSourcePanel';
import { TimeSeriesView } from './timeseries/View';
import { CurvesView } from './curves/View';

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
