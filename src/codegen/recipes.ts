/** Experiment id → its Keras recipe (beside the experiment, in keras.ts). Add a line to add one. */
import { additionKeras } from '../experiments/addition/keras';
import { cumsumKeras } from '../experiments/cumsum/keras';
import { curvesKeras } from '../experiments/curves/keras';
import { echoKeras } from '../experiments/echo/keras';
import { memoryKeras } from '../experiments/memory/keras';
import { movingLineKeras } from '../experiments/movingline/keras';
import { rectanglesKeras } from '../experiments/rectangles/keras';
import { regressionKeras } from '../experiments/regression/keras';
import { seqEchoKeras } from '../experiments/seqecho/keras';
import { signalsKeras } from '../experiments/signals/keras';
import { sineKeras } from '../experiments/sine/keras';
import { timeSeriesKeras } from '../experiments/timeseries/keras';
import type { KerasRecipe } from './recipe';

export const KERAS_RECIPES: Readonly<Record<string, KerasRecipe>> = {
  echo: echoKeras,
  sine: sineKeras,
  signals: signalsKeras,
  movingline: movingLineKeras,
  addition: additionKeras,
  cumsum: cumsumKeras,
  rectangles: rectanglesKeras,
  memory: memoryKeras,
  echowhole: seqEchoKeras,
  echopartial: seqEchoKeras,
  regression: regressionKeras,
  timeseries: timeSeriesKeras,
  curves: curvesKeras,
};
