#!/usr/bin/env python3
"""Damped sine wave: Stacked LSTM · multi-step forecast.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 sine.py

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
val_rng = np.random.default_rng([SEED, 2])  # the validation set

# --- Settings ------------------------------------------------------------------------------------
LENGTH = 50  # input steps
OUTPUT = 5  # steps forecast at once
HORIZON = 25  # closed-loop horizon
PERIOD_MIN = 10
PERIOD_MAX = 20
DECAY_MIN = 0.01
DECAY_MAX = 0.1
SAMPLES = 10000
BATCH_SIZE = 10
VALIDATION_ROWS = 100
VALIDATION_CHECKS = 40

def open_loop(model, windows, truths, horizon, steps):
    """Forecasts horizon values after each window, every block of steps reading the TRUE past."""
    length = windows.shape[1]
    blocks = math.ceil(horizon / steps)
    rows = [np.concatenate([w, t[: b * steps]])[-length:] for w, t in zip(windows, truths) for b in range(blocks)]
    out = model.predict(np.array(rows, dtype="float32")[:, :, None], verbose=0)
    return out.reshape(len(windows), blocks * steps)[:, :horizon]


def closed_loop(model, windows, horizon, steps):
    """Forecasts horizon values after each window, the model reading its OWN earlier forecasts."""
    length = windows.shape[1]
    forecasts = np.zeros((len(windows), 0), dtype="float32")
    while forecasts.shape[1] < horizon:
        inputs = np.concatenate([windows, forecasts], axis=1)[:, -length:]
        out = model.predict(inputs[:, :, None], verbose=0).reshape(len(windows), steps)
        forecasts = np.concatenate([forecasts, out], axis=1)
    return forecasts[:, :horizon]


# --- Data ----------------------------------------------------------------------------------------
def make_waves(rng, rows, steps):
    """Damped sine waves 0.5 + 0.5·sin(2π·i/period)·exp(−decay·i), a whole period in [PERIOD_MIN, PERIOD_MAX]
    and a decay in [DECAY_MIN, DECAY_MAX) each."""
    i = np.arange(steps)
    waves = np.empty((rows, steps), dtype="float32")
    for r in range(rows):
        period = rng.integers(PERIOD_MIN, PERIOD_MAX + 1)
        decay = rng.uniform(DECAY_MIN, DECAY_MAX)
        waves[r] = 0.5 + 0.5 * np.sin(2 * np.pi * i / period) * np.exp(-decay * i)
    return waves


def make_batch(rng, rows):
    """Input: the first LENGTH values [rows, LENGTH, 1]; target: the next OUTPUT values [rows, OUTPUT]."""
    waves = make_waves(rng, rows, LENGTH + OUTPUT)
    return waves[:, :LENGTH, None], waves[:, LENGTH:]


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(50, 1)),
        layers.LSTM(20, activation="tanh", recurrent_activation="sigmoid", return_sequences=True),
        layers.LSTM(20, activation="tanh", recurrent_activation="sigmoid"),
        layers.Dense(5, activation="linear"),
    ],
    name="sine",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="mean_absolute_error",
    metrics=[],
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
EVALUATION_SIZE = 1000
EVALUATION_LOOPS = 100  # the open and closed loops run on the first waves only: every block re-reads the input


def evaluate():
    waves = make_waves(eval_rng, EVALUATION_SIZE, LENGTH + max(OUTPUT, HORIZON))
    windows, after = waves[:, :LENGTH], waves[:, LENGTH:]
    targets = after[:, :OUTPUT]
    predicted = model.predict(windows[:, :, None], verbose=0)
    repeated = np.repeat(windows[:, -1:], OUTPUT, axis=1)
    some, truths = windows[:EVALUATION_LOOPS], after[:EVALUATION_LOOPS, :HORIZON]
    return {
        "mae": np.mean(np.abs(predicted - targets)),
        "baseline": np.mean(np.abs(repeated - targets)),
        "openMae": np.mean(np.abs(open_loop(model, some, truths, HORIZON, OUTPUT) - truths)),
        "closedMae": np.mean(np.abs(closed_loop(model, some, HORIZON, OUTPUT) - truths)),
    }


metrics = evaluate()
for key, label, percent in [
    ("mae", "Mean absolute error", False),
    ("baseline", "Baseline MAE", False),
    ("openMae", "Open-loop MAE over the horizon", False),
    ("closedMae", "Closed-loop MAE over the horizon", False),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
