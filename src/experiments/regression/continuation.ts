/**
 * Problem e predicts the next step of two series from the last three: it can go on forecasting
 * past its input, like the damped sine. Open loop: every forecast reads the true past steps.
 * Closed loop: it reads its own earlier forecasts, so its errors feed back. Pure: the model is a
 * Predict over windows of [timesteps, features].
 */
import type { Predict } from '../types';

export interface StepContinuation {
  truth: number[][];
  open: number[][];
  closed: number[][];
}

/** The window after appending steps, keeping its length. */
function slide(window: readonly (readonly number[])[], steps: readonly (readonly number[])[]): number[][] {
  return [...window, ...steps].slice(-window.length).map((step) => [...step]);
}

/**
 * Forecasts `truth.length` steps after `window` both ways; each call reads [1 or H, T, F] and
 * returns one step of F values per row.
 */
export async function continueSteps(predict: Predict, window: readonly (readonly number[])[], truth: readonly (readonly number[])[]): Promise<StepContinuation> {
  const timesteps = window.length;
  const features = window[0]?.length ?? 0;
  const horizon = truth.length;
  if (horizon === 0 || timesteps === 0) return { truth: [], open: [], closed: [] };
  // Open loop: all windows are known up front, one call.
  const openWindows = Array.from({ length: horizon }, (_, h) => slide(window, truth.slice(0, h)));
  const openOut = await predict(Float32Array.from(openWindows.flat(2)), [horizon, timesteps, features]);
  const open = Array.from({ length: horizon }, (_, h) => Array.from(openOut.subarray(h * features, (h + 1) * features)));
  // Closed loop: one call per step, each reading the forecasts before it.
  const closed: number[][] = [];
  let current = slide(window, []);
  for (let h = 0; h < horizon; h++) {
    const out = await predict(Float32Array.from(current.flat()), [1, timesteps, features]);
    const step = Array.from(out.subarray(0, features));
    closed.push(step);
    current = slide(current, [step]);
  }
  return { truth: truth.map((step) => [...step]), open, closed };
}

/** Mean absolute error over every value of the forecast steps. */
export function meanAbsoluteError(truth: readonly (readonly number[])[], forecast: readonly (readonly number[])[]): number {
  let sum = 0;
  let count = 0;
  truth.forEach((step, h) =>
    step.forEach((value, f) => {
      sum += Math.abs((forecast[h]?.[f] ?? Number.NaN) - value);
      count++;
    }),
  );
  return count ? sum / count : Number.NaN;
}
