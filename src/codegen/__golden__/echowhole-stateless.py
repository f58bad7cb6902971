#!/usr/bin/env python3
"""Echo whole sequence: Stateful LSTM · sequence-to-sequence.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 echowhole.py

The data are drawn with numpy's random generator seeded from SEED: the same kind of data as in
the playground, not the same numbers (the page draws its data and initial weights from its own
seeded streams), so results agree in distribution, not bit for bit.
"""

import math

import numpy as np
import keras
from keras import layers

SEED = 7
keras.utils.set_random_seed(SEED)  # Python's, numpy's and TensorFlow's generators: initial weights, shuffling
data_rng = np.random.default_rng([SEED, 0])  # the training data
eval_rng = np.random.default_rng([SEED, 1])  # fresh data for the evaluation, never trained on

# --- Settings ------------------------------------------------------------------------------------
LENGTH = 25  # random values drawn each epoch
FEATURES = 100  # values are integers in [0, FEATURES), one-hot
WINDOW = 5  # timesteps per sample
OUT = 5  # values of each window to echo, from its start
EPOCHS = 500
BATCH_SIZE = 3  # divides the number of windows when the layers are stateful
VALIDATION_SEQUENCES = 1  # fresh sequences scored after every epoch from zero state (0: none)

def reset_states(model):
    """Zeroes the carried state of every stateful layer (no effect on a stateless model)."""
    for layer in model.layers:
        if getattr(layer, "stateful", False) and hasattr(layer, "reset_states"):
            layer.reset_states()


def train_epochs(model, epochs, epoch_batches, after_epoch=None):
    """Trains batch by batch in order, as the playground does: a stateful layer carries its state
    from one batch to the next and is reset where a sequence ends (reset_after). after_epoch()
    may score held-out data after every epoch ({"val_loss": …})."""
    report = max(1, epochs // 20)
    logs = {}
    for epoch in range(1, epochs + 1):
        for x, y, reset_after in epoch_batches():
            logs = model.train_on_batch(x, y, return_dict=True)
            if reset_after:
                reset_states(model)
        scores = after_epoch() if after_epoch else {}
        if epoch % report == 0 or epoch == epochs:
            shown = {**logs, **scores}
            print(f"epoch {epoch}/{epochs}: " + ", ".join(f"{name} {float(value):.4f}" for name, value in shown.items()))
    return logs


# --- Data ----------------------------------------------------------------------------------------
def encode_windows(sequence):
    """The sliding windows of a sequence, one-hot: x [windows, WINDOW, FEATURES], y their first OUT values."""
    windows = np.array([sequence[w : w + WINDOW] for w in range(len(sequence) - WINDOW + 1)])
    one_hot = np.eye(FEATURES, dtype="float32")
    return one_hot[windows], one_hot[windows[:, :OUT]]


def epoch_batches():
    """One epoch: a fresh sequence, its windows in order in batches of BATCH_SIZE, the state reset after the last."""
    x, y = encode_windows(data_rng.integers(0, FEATURES, size=LENGTH))
    count = len(x)
    for start in range(0, count, BATCH_SIZE):
        yield x[start : start + BATCH_SIZE], y[start : start + BATCH_SIZE], start + BATCH_SIZE >= count


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(5, 100)),
        layers.LSTM(20, activation="tanh", recurrent_activation="sigmoid", return_sequences=True),
        layers.TimeDistributed(layers.Dense(100, activation="softmax")),
    ],
    name="echowhole",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()

# --- Training ------------------------------------------------------------------------------------
val_rng = np.random.default_rng([SEED, 2])
validation = [encode_windows(val_rng.integers(0, FEATURES, size=LENGTH)) for _ in range(VALIDATION_SEQUENCES)]


def validate():
    """The validation sequences, each from zero state in the training batches (the dashed curves)."""
    scores = []
    for x, y in validation:
        reset_states(model)
        scores.append(model.evaluate(x, y, batch_size=BATCH_SIZE, verbose=0, return_dict=True))
    reset_states(model)
    return {f"val_{name}": np.mean([s[name] for s in scores]) for name in scores[0]} if scores else {}


train_epochs(model, EPOCHS, epoch_batches, validate)


# --- Evaluation, as the playground reports it ----------------------------------------------------
EVALUATION_SEQUENCES = 20


def evaluate():
    """Fresh sequences, each from zero state, their windows in the training batches."""
    right = []
    for _ in range(EVALUATION_SEQUENCES):
        x, y = encode_windows(eval_rng.integers(0, FEATURES, size=LENGTH))
        reset_states(model)
        predicted = model.predict(x, batch_size=BATCH_SIZE, verbose=0)
        right.append(predicted.argmax(axis=-1) == y.argmax(axis=-1))
    reset_states(model)
    right = np.concatenate(right)
    return {"accuracy": np.mean(right), "windows": np.mean(right.all(axis=1))}


metrics = evaluate()
for key, label, percent in [
    ("accuracy", "Values right", True),
    ("windows", "Windows right", True),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
