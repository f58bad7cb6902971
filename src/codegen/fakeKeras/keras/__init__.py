"""A stand-in for Keras that checks shapes and runs exported scripts without TensorFlow (tests only)."""
import numpy as np

from . import callbacks as _callbacks

from . import callbacks, layers, optimizers, regularizers, utils  # noqa: F401

_rng = np.random.default_rng(0)


class _Input:
    def __init__(self, shape, batch_size=None):
        self.shape = tuple(shape)
        self.batch_size = batch_size


def Input(shape, batch_size=None):  # noqa: N802 (Keras' name)
    return _Input(shape, batch_size)


class _History:
    def __init__(self, history):
        self.history = history


class Sequential:
    def __init__(self, items, name=None):
        head, *rest = items
        assert isinstance(head, _Input), "the first item must be keras.Input"
        self.input_shape = head.shape
        self.batch_size = head.batch_size
        self.layers = rest
        shape = head.shape
        for layer in rest:
            shape = layer.output_shape(shape)
        self.output_shape = shape
        self.name = name
        self.compiled = None

    def compile(self, optimizer, loss, metrics):
        assert loss in ("categorical_crossentropy", "binary_crossentropy", "mean_squared_error", "mean_absolute_error"), loss
        self.compiled = (optimizer, loss, list(metrics))

    def summary(self):
        print(f"Model {self.name}: input {self.input_shape}, output {self.output_shape}")

    def _check(self, x, y=None, batch_size=None):
        x = np.asarray(x)
        assert x.shape[1:] == self.input_shape, f"x {x.shape} for input {self.input_shape}"
        if self.batch_size is not None:
            step = batch_size or self.batch_size
            assert step == self.batch_size and len(x) % step == 0, f"a stateful model takes batches of {self.batch_size}, not {len(x)}"
        if y is not None:
            y = np.asarray(y)
            assert y.shape == (len(x),) + self.output_shape, f"y {y.shape} for output {self.output_shape}"
            assert np.all(np.isfinite(y))
        assert np.all(np.isfinite(x))

    def _logs(self):
        names = ["loss"] + self.compiled[2]
        return {name: float(_rng.random()) for name in names}

    def train_on_batch(self, x, y, return_dict=False):
        assert self.compiled is not None
        self._check(x, y)
        return self._logs() if return_dict else list(self._logs().values())

    def fit(self, x, y=None, epochs=1, batch_size=None, steps_per_epoch=None, shuffle=True, validation_data=None, callbacks=None, verbose=1):
        assert self.compiled is not None
        if y is None:  # a generator of (x, y) batches: the first few checked, all counted
            batches = iter(x)
            for step in range(steps_per_epoch * epochs):
                bx, by = next(batches)  # StopIteration here: the generator ran out before fit's steps
                if step < 3:
                    self._check(bx, by)
        else:
            self._check(x, y)
        if validation_data is not None:
            self._check(*validation_data)
        for callback in callbacks or []:
            assert isinstance(callback, _callbacks.EarlyStopping) and callback.monitor == "val_loss"
            assert validation_data is not None, "early stopping on val_loss needs validation data"
        history = {name: [float(v)] * epochs for name, v in self._logs().items()}
        if validation_data is not None:
            history.update({f"val_{name}": values for name, values in list(history.items())})
        return _History(history)

    def evaluate(self, x, y, batch_size=None, verbose=0, return_dict=False):
        self._check(x, y, batch_size=batch_size)
        return self._logs() if return_dict else list(self._logs().values())

    def predict(self, x, batch_size=None, verbose=0):
        self._check(x, batch_size=batch_size)
        return _rng.random((len(x),) + self.output_shape).astype("float32")
