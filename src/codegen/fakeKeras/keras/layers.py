"""Layers that know their output shape (without the batch dimension)."""

ACTIVATIONS = {"tanh", "sigmoid", "relu", "linear", "softmax", "hard_sigmoid"}
INITIALIZERS = {"glorot_uniform", "glorot_normal", "random_uniform", "random_normal"}


class LSTM:
    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", return_sequences=False, go_backwards=False, stateful=False, kernel_initializer="glorot_uniform", dropout=0.0, recurrent_dropout=0.0, kernel_regularizer=None, recurrent_regularizer=None, bias_regularizer=None):
        assert activation in ACTIVATIONS and recurrent_activation in ACTIVATIONS
        assert kernel_initializer in INITIALIZERS and 0 <= dropout < 1 and 0 <= recurrent_dropout < 1
        self.units, self.return_sequences, self.stateful = units, return_sequences, stateful

    def output_shape(self, shape):
        assert len(shape) == 2, f"LSTM reads [timesteps, features], not {shape}"
        return (shape[0], self.units) if self.return_sequences else (self.units,)

    def reset_states(self):
        assert self.stateful


class Bidirectional:
    def __init__(self, layer, merge_mode="concat"):
        assert merge_mode in ("concat", "sum", "mul", "ave")
        self.layer, self.merge_mode = layer, merge_mode
        self.stateful = layer.stateful

    def output_shape(self, shape):
        out = self.layer.output_shape(shape)
        return out[:-1] + (out[-1] * 2,) if self.merge_mode == "concat" else out

    def reset_states(self):
        self.layer.reset_states()


class Dense:
    def __init__(self, units, activation=None, kernel_initializer="glorot_uniform"):
        assert activation in ACTIVATIONS
        self.units = units

    def output_shape(self, shape):
        return shape[:-1] + (self.units,)


class RepeatVector:
    def __init__(self, n):
        self.n = n

    def output_shape(self, shape):
        assert len(shape) == 1
        return (self.n,) + shape


class Conv2D:
    def __init__(self, filters, kernel_size, strides=1, padding="valid", activation=None, kernel_initializer="glorot_uniform"):
        self.filters, self.kernel, self.strides, self.padding = filters, kernel_size, strides, padding

    def output_shape(self, shape):
        h, w, _ = shape
        if self.padding == "same":
            return (-(-h // self.strides), -(-w // self.strides), self.filters)
        return ((h - self.kernel) // self.strides + 1, (w - self.kernel) // self.strides + 1, self.filters)


class MaxPooling2D:
    def __init__(self, pool_size, strides=None, padding="valid"):
        self.pool, self.strides, self.padding = pool_size, strides or pool_size, padding

    def output_shape(self, shape):
        h, w, c = shape
        if self.padding == "same":
            return (-(-h // self.strides), -(-w // self.strides), c)
        return ((h - self.pool) // self.strides + 1, (w - self.pool) // self.strides + 1, c)


class Flatten:
    def output_shape(self, shape):
        size = 1
        for d in shape:
            size *= d
        return (size,)


class TimeDistributed:
    def __init__(self, layer):
        self.layer = layer

    def output_shape(self, shape):
        return (shape[0],) + self.layer.output_shape(shape[1:])
