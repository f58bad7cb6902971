/**
 * How much each bench row trains: a fixed amount per experiment and kind of engine, the same for
 * every engine of a kind in one run (and for the PyTorch reference, which gets the fused rows'
 * amount). The amount is fresh samples where the experiment's training is counted in samples, and
 * epochs over its fixed data set where it is counted in epochs. TF.js rows get enough to last a
 * few seconds on its slowest backend; the fused rows get enough to last a second or more of
 * steady training, since a few hundred milliseconds would time mostly the JIT warming up (the
 * rectangles' default step takes some 20 µs).
 */
import { loadExternalText } from '../src/cli/externalText';
import { defaultValues } from '../src/experiments/params';
import { EXPERIMENTS, findExperiment } from '../src/experiments/registry';
import type { AnyParamValues } from '../src/experiments/types';

/** What `npm run bench` measures when no experiment is named: the whole catalogue. */
export const DEFAULT_EXPERIMENTS: readonly string[] = EXPERIMENTS.map((e) => e.id);

/** Samples (or epochs) per row: TF.js in Node, TF.js in the page, and the fused engine (Node, the page's fused and auto rows, PyTorch). */
interface WorkTable {
  key: 'samples' | 'epochs';
  node: number;
  page: number;
  fused: number;
}

/** Per experiment; the comments give the default data set per epoch and batch size. */
const WORK: Record<string, WorkTable> = {
  echo: { key: 'samples', node: 400, page: 300, fused: 20_000 },
  sine: { key: 'samples', node: 200, page: 200, fused: 3_000 },
  signals: { key: 'samples', node: 200, page: 200, fused: 3_000 },
  movingline: { key: 'samples', node: 64, page: 96, fused: 640 },
  addition: { key: 'samples', node: 320, page: 320, fused: 6_400 },
  cumsum: { key: 'samples', node: 200, page: 200, fused: 4_000 },
  rectangles: { key: 'samples', node: 300, page: 300, fused: 30_000 },
  // 8 sequences per epoch, batch 1.
  memory: { key: 'epochs', node: 40, page: 40, fused: 2_500 },
  // 21 sequences per epoch, batches of 7 and 21.
  echowhole: { key: 'epochs', node: 15, page: 15, fused: 1_000 },
  echopartial: { key: 'epochs', node: 15, page: 15, fused: 300 },
  // Problem a: 16 pairs per epoch, batch 5.
  regression: { key: 'epochs', node: 20, page: 20, fused: 3_000 },
  // The milk series: about 100 windows per epoch, batch 1.
  timeseries: { key: 'epochs', node: 3, page: 3, fused: 600 },
  // 5 pairs per epoch, one batch.
  curves: { key: 'epochs', node: 60, page: 60, fused: 10_000 },
};

export type WorkKind = 'node' | 'page' | 'fused';

/** The value that sets a row's amount of training, e.g. { samples: 300 } or { epochs: 40 }; `share` scales it (at least 1). */
export function workOf(experimentId: string, kind: WorkKind, share = 1): Record<string, number> {
  const table = WORK[experimentId];
  if (!table) throw new Error(`bench/work.ts gives no amount of work for "${experimentId}"`);
  return { [table.key]: Math.max(1, Math.round(table[kind] * share)) };
}

/** The same, as a URL query for the page. */
export const workQuery = (experimentId: string, kind: WorkKind): string =>
  Object.entries(workOf(experimentId, kind))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');

/**
 * The experiment's default values with a row's amount of work, and the bundled file it reads (the
 * real series), as the page and the CLI would have them.
 */
export async function benchValues(experimentId: string, kind: WorkKind, share = 1): Promise<AnyParamValues> {
  const experiment = findExperiment(experimentId);
  if (!experiment) throw new Error(`no experiment "${experimentId}"`);
  const values = { ...defaultValues(experiment.params), ...workOf(experimentId, kind, share) };
  return { ...values, ...((await loadExternalText(experiment, values, undefined)) ?? {}) };
}
