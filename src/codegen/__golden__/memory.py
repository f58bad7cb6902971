#!/usr/bin/env python3
"""Memory demonstration: Stateful LSTM · what state can and cannot learn.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 memory.py

The data are drawn with numpy's random generator seeded from SEED: the same kind of data as in
the playground, not the same numbers (the page draws its data and initial weights from its own
seeded streams), so results agree in distribution, not bit for bit.
"""

import math

import numpy as np
import keras
from keras import layers

SEED = 1
keras.utils.set_random_seed(SEED)  # Python's, numpy's and TensorFlow's generators: initial weights, shuffling
data_rng = np.random.default_rng([SEED, 0])  # the training data
eval_rng = np.random.default_rng([SEED, 1])  # fresh data for the evaluation, never trained on

# --- Settings ------------------------------------------------------------------------------------
MODE = "stateful"  # "stateful" (one step per batch, the state carried), "sequence" or "stateless"
EPOCHS = 250

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
SEQUENCES = [[3, 0, 1, 2, 3], [4, 0, 1, 2, 4]]  # they differ only in the first and last value
SYMBOLS = 5
STEPS = 4  # one-step pairs per sequence: x → the next x


def one_hot(values):
    return np.eye(SYMBOLS, dtype="float32")[values]


def sequence_batches(sequence):
    """The batches of one sequence as the mode reads it: (x, y, reset the state after it)."""
    if MODE == "sequence":
        return [(one_hot(sequence[:STEPS])[None], one_hot(sequence[1:])[None], False)]
    return [
        (one_hot([sequence[t]])[None], one_hot([sequence[t + 1]]), MODE == "stateful" and t == STEPS - 1)
        for t in range(STEPS)
    ]


def epoch_batches():
    """One epoch: sequence 1 step by step, then sequence 2, in order (the order is the lesson)."""
    return [batch for sequence in SEQUENCES for batch in sequence_batches(sequence)]


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(1, 5), batch_size=1),
        layers.LSTM(20, activation="tanh", recurrent_activation="sigmoid", stateful=True),
        layers.Dense(5, activation="sigmoid"),
    ],
    name="memory",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)
model.summary()

# --- Training ------------------------------------------------------------------------------------
train_epochs(model, EPOCHS, epoch_batches)


# --- Evaluation, as the playground reports it ----------------------------------------------------
def evaluate():
    """Both sequences through the model, each from zero state: the share of the 8 steps right, and of
    the 2 conflicting last steps (2→3 and 2→4)."""
    right = []
    for sequence in SEQUENCES:
        reset_states(model)
        outputs = np.concatenate([model.predict(x, verbose=0).reshape(-1, SYMBOLS) for x, _, _ in sequence_batches(sequence)])
        right.append(outputs.argmax(axis=-1) == np.array(sequence[1:]))
    reset_states(model)
    right = np.array(right)
    return {"steps": np.mean(right), "conflict": np.mean(right[:, -1])}


metrics = evaluate()
for key, label, percent in [
    ("steps", "Steps right", True),
    ("conflict", "Conflicting steps right", True),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
