import { windowPredictor } from '../windowPredictor';
import { dampedSine } from './data';

/** A window of a damped sine (period 15, decay 0.05 to start from) → the next values. */
export const sinePredictor = windowPredictor<{ length: number; output: number }>(({ length }) => Array.from(dampedSine(length, 15, 0.05)));
