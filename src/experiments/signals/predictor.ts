import { windowPredictor } from '../windowPredictor';

/** A window of a signal (a sine of period 12 to start from) → the next values. */
export const signalsPredictor = windowPredictor<{ length: number; output: number }>(({ length }) => Array.from({ length }, (_, i) => Math.sin((2 * Math.PI * i) / 12)));
