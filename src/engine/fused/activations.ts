import type { Activation } from '../modelSpec';

/** Activations applied in place over [start, end), and their derivatives from the activated value. */
export function activate(kind: Activation, values: Float32Array, start: number, end: number): void {
  switch (kind) {
    case 'linear':
      return;
    case 'tanh':
      for (let i = start; i < end; i++) values[i] = Math.tanh(values[i] as number);
      return;
    case 'sigmoid':
      for (let i = start; i < end; i++) values[i] = 1 / (1 + Math.exp(-(values[i] as number)));
      return;
    case 'hardSigmoid':
      for (let i = start; i < end; i++) values[i] = Math.min(1, Math.max(0, 0.2 * (values[i] as number) + 0.5));
      return;
    case 'relu':
      for (let i = start; i < end; i++) values[i] = Math.max(0, values[i] as number);
      return;
    case 'softmax': {
      let max = -Infinity;
      for (let i = start; i < end; i++) max = Math.max(max, values[i] as number);
      let sum = 0;
      for (let i = start; i < end; i++) {
        const e = Math.exp((values[i] as number) - max);
        values[i] = e;
        sum += e;
      }
      for (let i = start; i < end; i++) values[i] = (values[i] as number) / sum;
      return;
    }
  }
}

/**
 * Turns dLoss/dActivated into dLoss/dPreactivation in place over [start, end),
 * using the activated values `y` (softmax couples the whole range).
 */
export function activationBackward(kind: Activation, y: Float32Array, grad: Float32Array, start: number, end: number): void {
  switch (kind) {
    case 'linear':
      return;
    case 'tanh':
      for (let i = start; i < end; i++) grad[i] = (grad[i] as number) * (1 - (y[i] as number) * (y[i] as number));
      return;
    case 'sigmoid':
      for (let i = start; i < end; i++) grad[i] = (grad[i] as number) * (y[i] as number) * (1 - (y[i] as number));
      return;
    case 'hardSigmoid':
      for (let i = start; i < end; i++) {
        const v = y[i] as number;
        grad[i] = v > 0 && v < 1 ? 0.2 * (grad[i] as number) : 0;
      }
      return;
    case 'relu':
      for (let i = start; i < end; i++) if ((y[i] as number) <= 0) grad[i] = 0;
      return;
    case 'softmax': {
      let dot = 0;
      for (let i = start; i < end; i++) dot += (grad[i] as number) * (y[i] as number);
      for (let i = start; i < end; i++) grad[i] = (y[i] as number) * ((grad[i] as number) - dot);
      return;
    }
  }
}

/** Scalar activation for the LSTM's inner loop. */
export function scalarActivation(kind: Activation): (x: number) => number {
  switch (kind) {
    case 'tanh':
      return Math.tanh;
    case 'sigmoid':
      return (x) => 1 / (1 + Math.exp(-x));
    case 'hardSigmoid':
      return (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5));
    case 'relu':
      return (x) => Math.max(0, x);
    case 'linear':
      return (x) => x;
    case 'softmax':
      throw new Error('softmax is not an element-wise activation');
  }
}

/** Derivative of a scalar activation, from its output value. */
export function scalarDerivative(kind: Activation): (y: number) => number {
  switch (kind) {
    case 'tanh':
      return (y) => 1 - y * y;
    case 'sigmoid':
      return (y) => y * (1 - y);
    case 'hardSigmoid':
      return (y) => (y > 0 && y < 1 ? 0.2 : 0);
    case 'relu':
      return (y) => (y > 0 ? 1 : 0);
    case 'linear':
      return () => 1;
    case 'softmax':
      throw new Error('softmax is not an element-wise activation');
  }
}
