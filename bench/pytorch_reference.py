#!/usr/bin/env python3
"""The PyTorch reference of `npm run bench` (issue 11: the fused engine against PyTorch on one thread).

Reads a JSON document on stdin, written by bench/pytorch.ts: for each experiment its model
description (the same ModelSpec the TF.js and fused engines build from), its optimizer, and the
very batches the Node rows train on (the experiment's own data stream, fixed amount of work), with
the points where the Node run scores its validation set. Builds the same layer stack in PyTorch
(float32), trains it batch by batch on one thread, and prints one JSON line per experiment:
samples per wall second and per CPU second of this process, leaving out model building and the
first step, as the Node rows do.

    python3 bench/pytorch_reference.py < job.json

The model starts from the Node rows' own initial weights (Keras layout, transposed into PyTorch's),
and the loss and the gradient norm of every weight array on the first batch are printed, so the
bench can check that both sides train the same model.

What differs from the Keras/TF.js model, and is reported rather than hidden: torch.nn.LSTM keeps two
bias vectors per direction (b_ih and b_hh, both trained), so each LSTM direction has 4·units more
parameters. b_hh starts at zero; since both biases get the same gradient, the pair moves faster than
Keras' single bias from the second step on.
"""
import json
import sys
import time

import torch
from torch import nn
from torch.nn import functional as F

EPSILON = 1e-7  # Keras' epsilon: probabilities are clipped to [1e-7, 1 - 1e-7], as TF.js does.


class Unsupported(Exception):
    """A layer or option the reference does not build; the experiment gets an error line instead."""


def activation_fn(name):
    if name in ('linear', None):
        return lambda x: x
    if name == 'softmax':
        return lambda x: torch.softmax(x, dim=-1)
    if name == 'sigmoid':
        return torch.sigmoid
    if name == 'tanh':
        return torch.tanh
    if name == 'relu':
        return torch.relu
    if name == 'hardSigmoid':
        return lambda x: torch.clamp(0.2 * x + 0.5, 0.0, 1.0)
    raise Unsupported(f'activation {name}')


def load(parameter, values, layout):
    """Sets a parameter from a Keras weight array (flat, row-major); 'transpose' for kernels, stored [in, out] by Keras."""
    with torch.no_grad():
        if layout == 'transpose':
            rows, cols = parameter.shape
            parameter.copy_(torch.tensor(values, dtype=torch.float32).reshape(cols, rows).t())
        else:
            parameter.copy_(torch.tensor(values, dtype=torch.float32).reshape(parameter.shape))


class Lstm(nn.Module):
    """Keras' LSTM (or Bidirectional(LSTM)) on [batch, time, features] inputs, batch first."""

    def __init__(self, spec, features, merge_mode=None):
        super().__init__()
        if spec.get('activation', 'tanh') != 'tanh' or spec.get('recurrentActivation', 'sigmoid') != 'sigmoid':
            raise Unsupported('torch.nn.LSTM has only tanh and sigmoid activations')
        if spec.get('dropout') or spec.get('recurrentDropout'):
            raise Unsupported('dropout')
        if any(spec.get(k) for k in ('kernelRegularizer', 'recurrentRegularizer', 'biasRegularizer')):
            raise Unsupported('regularisers')
        self.units = spec['units']
        self.bidirectional = merge_mode is not None
        if self.bidirectional and spec.get('goBackwards'):
            raise Unsupported('Bidirectional over a goBackwards LSTM')
        self.merge_mode = merge_mode
        self.return_sequences = bool(spec.get('returnSequences'))
        self.go_backwards = bool(spec.get('goBackwards'))
        self.stateful = bool(spec.get('stateful'))
        self.lstm = nn.LSTM(features, self.units, batch_first=True, bidirectional=self.bidirectional)
        self.state = None

    def keras_weights(self):
        """(parameter, Keras shape) in TF.js' getWeights() order: kernel [in, 4u], recurrent kernel [u, 4u], bias [4u] per direction.

        PyTorch's gate order (i, f, g, o) is Keras' (i, f, c, o); its matrices are the transposes of Keras' kernels.
        """
        out = []
        for suffix in ([''] if not self.bidirectional else ['', '_reverse']):
            out.append((getattr(self.lstm, f'weight_ih_l0{suffix}'), 'transpose'))
            out.append((getattr(self.lstm, f'weight_hh_l0{suffix}'), 'transpose'))
            out.append((getattr(self.lstm, f'bias_ih_l0{suffix}'), 'as is'))
        return out

    def load_keras(self, arrays):
        """Takes this layer's arrays from the front of `arrays`; b_hh, which Keras lacks, starts at zero."""
        for parameter, layout in self.keras_weights():
            load(parameter, arrays.pop(0), layout)
        for name, parameter in self.lstm.named_parameters():
            if name.startswith('bias_hh'):
                nn.init.zeros_(parameter)

    @property
    def width(self):
        return 2 * self.units if self.bidirectional and self.merge_mode == 'concat' else self.units

    def reset_states(self):
        self.state = None

    def forward(self, x):
        if self.go_backwards:
            x = torch.flip(x, dims=[1])
        out, (h, c) = self.lstm(x, self.state)
        if self.stateful:
            # Carried to the next batch, without backpropagating into the previous one (as Keras).
            self.state = (h.detach(), c.detach())
        if not self.bidirectional:
            return out if self.return_sequences else h[-1]
        if self.return_sequences:
            forward, backward = out[..., :self.units], out[..., self.units:]
        else:
            forward, backward = h[0], h[1]
        if self.merge_mode == 'concat':
            return torch.cat([forward, backward], dim=-1)
        if self.merge_mode == 'sum':
            return forward + backward
        if self.merge_mode == 'mul':
            return forward * backward
        if self.merge_mode == 'ave':
            return (forward + backward) / 2
        raise Unsupported(f'merge mode {self.merge_mode}')


class Dense(nn.Module):
    """Keras' Dense, or TimeDistributed(Dense): a linear map of the last axis and an activation."""

    def __init__(self, spec, features):
        super().__init__()
        self.linear = nn.Linear(features, spec['units'])
        self.activation = activation_fn(spec.get('activation'))
        self.width = spec['units']

    def keras_weights(self):
        return [(self.linear.weight, 'transpose'), (self.linear.bias, 'as is')]

    def load_keras(self, arrays):
        for parameter, layout in self.keras_weights():
            load(parameter, arrays.pop(0), layout)

    def forward(self, x):
        return self.activation(self.linear(x))


class RepeatVector(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def forward(self, x):
        return x.unsqueeze(1).expand(-1, self.n, -1)


def build_model(spec):
    """The layer stack of a ModelSpec, and the number of extra bias parameters torch.nn.LSTM adds."""
    shape = list(spec['inputShape'])
    if len(shape) != 2:
        raise Unsupported(f'inputs of shape {shape}')
    features = shape[-1]
    layers = []
    extra_bias = 0
    for layer in spec['layers']:
        kind = layer['type']
        if kind == 'lstm':
            module = Lstm(layer, features)
            extra_bias += 4 * layer['units']
        elif kind == 'bidirectional':
            module = Lstm(layer['layer'], features, layer['mergeMode'])
            extra_bias += 8 * layer['layer']['units']
        elif kind in ('dense', 'timeDistributedDense'):
            module = Dense(layer, features)
        elif kind == 'repeatVector':
            module = RepeatVector(layer['n'])
        else:
            raise Unsupported(f'layer {kind}')
        layers.append(module)
        features = getattr(module, 'width', features)
    return nn.Sequential(*layers), extra_bias


def loss_fn(name):
    if name == 'categoricalCrossentropy':
        def categorical(p, y):
            p = p / p.sum(dim=-1, keepdim=True)
            return -(y * torch.log(torch.clamp(p, EPSILON, 1 - EPSILON))).sum(dim=-1).mean()
        return categorical
    if name == 'binaryCrossentropy':
        def binary(p, y):
            p = torch.clamp(p, EPSILON, 1 - EPSILON)
            return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
        return binary
    if name == 'meanSquaredError':
        return F.mse_loss
    if name == 'meanAbsoluteError':
        return F.l1_loss
    raise Unsupported(f'loss {name}')


def accuracy_fn(loss):
    """Keras' 'accuracy' for the loss: argmax agreement (categorical) or rounding at 0.5 (binary)."""
    if loss == 'categoricalCrossentropy':
        return lambda p, y: (p.argmax(dim=-1) == y.argmax(dim=-1)).float().mean()
    if loss == 'binaryCrossentropy':
        return lambda p, y: ((p > 0.5).float() == y).float().mean()
    return None


def optimizer_of(spec, parameters):
    """The optimizer with TF.js' defaults where they differ from PyTorch's (epsilon 1e-7, RMSprop's rho 0.9, Adagrad's 0.1 start)."""
    name, lr = spec['name'], spec['learningRate']
    if name == 'adam':
        return torch.optim.Adam(parameters, lr=lr, betas=(0.9, 0.999), eps=EPSILON)
    if name == 'rmsprop':
        return torch.optim.RMSprop(parameters, lr=lr, alpha=0.9, eps=EPSILON)
    if name == 'adagrad':
        return torch.optim.Adagrad(parameters, lr=lr, initial_accumulator_value=0.1)
    if name == 'sgd':
        return torch.optim.SGD(parameters, lr=lr, momentum=spec.get('momentum') or 0)
    raise Unsupported(f'optimizer {name}')


def tensor_of(values, shape):
    return torch.tensor(values, dtype=torch.float32).reshape(shape)


def run_job(job):
    torch.manual_seed(1)
    spec = job['spec']
    model, extra_bias = build_model(spec)
    arrays = list(job['weights'])
    keras_order = []
    for module in model:
        if hasattr(module, 'load_keras'):
            module.load_keras(arrays)
            keras_order += [parameter for parameter, _ in module.keras_weights()]
    if arrays:
        raise Unsupported(f'{len(arrays)} weight arrays left over')
    params = list(model.parameters())
    optimizer = optimizer_of(job['optimizer'], params)
    clip_norm = job['optimizer'].get('clipNorm') or 0
    loss = loss_fn(spec['loss'])
    accuracy = accuracy_fn(spec['loss']) if 'accuracy' in spec.get('metrics', []) else None
    stateful = [m for m in model if isinstance(m, Lstm) and m.stateful]
    batches = [
        (tensor_of(b['x'], b['xShape']), tensor_of(b['y'], b['yShape']), b['samples'], bool(b.get('resetStatesAfter')), bool(b.get('validate')))
        for b in job['batches']
    ]
    validation = [(tensor_of(b['x'], b['xShape']), tensor_of(b['y'], b['yShape'])) for b in job.get('validation') or []]

    def score_validation():
        with torch.no_grad():
            for x, y in validation:
                p = model(x)
                loss(p, y).item()
                if accuracy:
                    accuracy(p, y).item()

    losses = []
    first = None
    samples_after_first = 0
    for step, (x, y, samples, reset, validate) in enumerate(batches):
        optimizer.zero_grad(set_to_none=True)
        p = model(x)
        value = loss(p, y)
        value.backward()
        if step == 0:
            first_loss = value.item()
            first_norms = [parameter.grad.norm().item() for parameter in keras_order]
        if clip_norm > 0:
            # Keras' clipnorm: every gradient array on its own.
            for parameter in params:
                if parameter.grad is not None:
                    torch.nn.utils.clip_grad_norm_([parameter], clip_norm)
        optimizer.step()
        # The loss and metrics are read every step, as the Node engines hand them back every step.
        losses.append(value.item())
        if accuracy:
            accuracy(p.detach(), y).item()
        if reset:
            for layer in stateful:
                layer.reset_states()
        if validate and validation:
            score_validation()
        if step == 0:
            # The first step pays for allocation and warm-up: time from its end, as the Node rows do.
            first = (time.perf_counter(), time.process_time())
        else:
            samples_after_first += samples
    wall = time.perf_counter() - first[0]
    cpu = time.process_time() - first[1]
    torch_params = sum(p.numel() for p in params)
    tail = losses[-max(1, len(losses) // 10):]
    head = losses[:max(1, len(losses) // 10)]
    return {
        'experiment': job['experiment'],
        'batchSize': job['batchSize'],
        'samples': samples_after_first,
        'steps': len(batches),
        'samplesPerCpuSec': samples_after_first / cpu if cpu > 0 else None,
        'samplesPerWallSec': samples_after_first / wall if wall > 0 else None,
        'torchParams': torch_params,
        'extraBiasParams': extra_bias,
        'lossFirstTenth': sum(head) / len(head),
        'lossLastTenth': sum(tail) / len(tail),
        'firstStepLoss': first_loss,
        'firstStepGradNorms': first_norms,
    }


def main():
    document = json.load(sys.stdin)
    threads = int(document.get('threads', 1))
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(threads)
    info = {'torch': torch.__version__, 'threads': torch.get_num_threads(), 'interopThreads': torch.get_num_interop_threads()}
    print(json.dumps({'info': info}), flush=True)
    for job in document['jobs']:
        try:
            result = run_job(job)
        except Unsupported as reason:
            result = {'experiment': job['experiment'], 'batchSize': job['batchSize'], 'error': f'not built in PyTorch here: {reason}'}
        print(json.dumps(result), flush=True)


if __name__ == '__main__':
    main()
