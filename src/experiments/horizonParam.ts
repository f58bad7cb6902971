import type { IntParam } from './params';

/** The closed-loop horizon knob of the forecasting experiments: it changes what is shown, not what is trained. */
export function horizonParam(defaultHorizon: number, max = 200): IntParam {
  return {
    kind: 'int',
    label: 'Closed-loop horizon',
    help: 'How far past the input the view forecasts by feeding the model’s own outputs back; training is unchanged.',
    section: 'problem',
    unit: 'steps',
    default: defaultHorizon,
    min: 1,
    max,
  };
}
