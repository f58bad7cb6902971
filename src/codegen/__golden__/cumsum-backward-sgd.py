#!/usr/bin/env python3
"""Cumulative sum: Bidirectional LSTM · a label per timestep.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 cumsum.py

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
val_rng = np.random.default_rng([SEED, 2])  # the validation set

# --- Settings ------------------------------------------------------------------------------------
LENGTH = 10  # values per sequence; a label turns to 1 once the running sum reaches LENGTH / 4
REVERSED_TARGETS = True  # a go_backwards LSTM returns its outputs last step first
SAMPLES = 50000
BATCH_SIZE = 10
VALIDATION_ROWS = 100
VALIDATION_CHECKS = 40

# --- Data ----------------------------------------------------------------------------------------
def make_batch(rng, rows):
    """rows sequences of LENGTH values uniform in [0, 1) [rows, LENGTH, 1]; per step, 1 once the running sum
    reached LENGTH / 4, else 0 [rows, LENGTH, 1] (last step first with REVERSED_TARGETS)."""
    x = rng.random((rows, LENGTH)).astype("float32")
    labels = (np.cumsum(x, axis=1) >= LENGTH / 4).astype("float32")
    y = labels[:, ::-1] if REVERSED_TARGETS else labels
    return x[:, :, None], np.ascontiguousarray(y)[:, :, None]


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(10, 1)),
        layers.LSTM(50, activation="tanh", recurrent_activation="sigmoid", return_sequences=True, go_backwards=True),
        layers.TimeDistributed(layers.Dense(1, activation="sigmoid")),
    ],
    name="cumsum",
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.001, momentum=0.9),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)
model.summary()

# --- Training ------------------------------------------------------------------------------------
callbacks = []

def training_batches(rng):
    """SAMPLES freshly generated examples in batches of BATCH_SIZE (the last one smaller when it does not divide)."""
    seen = 0
    while seen < SAMPLES:
        rows = min(BATCH_SIZE, SAMPLES - seen)
        yield make_batch(rng, rows)
        seen += rows


# Fresh examples never trained on, scored VALIDATION_CHECKS times over the run (the dashed curves). Keras
# validates after each epoch, so the one pass over fresh data is cut into that many "epochs" (the last
# STEPS % checks batches are left out; the page scores at evenly spaced samples instead).
validation = make_batch(val_rng, VALIDATION_ROWS)
STEPS = math.ceil(SAMPLES / BATCH_SIZE)
checks = min(VALIDATION_CHECKS, STEPS)
model.fit(
    training_batches(data_rng),
    steps_per_epoch=STEPS // checks,
    epochs=checks,
    validation_data=validation,
    callbacks=callbacks,
    verbose=2,
)


# --- Evaluation, as the playground reports it ----------------------------------------------------
EVALUATION_SIZE = 100


def evaluate():
    x, y = make_batch(eval_rng, EVALUATION_SIZE)
    right = (model.predict(x, verbose=0) >= 0.5) == (y >= 0.5)
    return {"accuracy": np.mean(right), "sequences": np.mean(right.all(axis=(1, 2)))}


metrics = evaluate()
for key, label, percent in [
    ("accuracy", "Accuracy per step", True),
    ("sequences", "Whole sequences right", True),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
