#!/usr/bin/env python3
"""Synthetic signals: Stacked LSTM · closed-loop forecasting of six waveforms.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 signals.py

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
SHAPE = "sine"  # "sine", "square", "sawtooth", "sinc", "sines" or "walk"
NOISE = 0  # standard deviation of the Gaussian noise on every value
LENGTH = 50  # input steps
OUTPUT = 5  # steps forecast at once
HORIZON = 50  # closed-loop horizon
AMPLITUDE_MIN = 0.5
AMPLITUDE_MAX = 1
PERIOD_MIN = 10
PERIOD_MAX = 20
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
def make_signals(rng, rows, steps):
    """rows signals of SHAPE over steps steps, each with its own amplitude, whole period and shift;
    returns the noiseless and the noisy values, [rows, steps] each."""
    t = np.arange(steps)
    clean = np.zeros((rows, steps), dtype="float32")
    for r in range(rows):
        a = rng.uniform(AMPLITUDE_MIN, AMPLITUDE_MAX)
        period = rng.integers(PERIOD_MIN, PERIOD_MAX + 1)
        # The sinc pulse peaks at a step of the input; the periodic shapes are shifted within a period.
        shift = rng.uniform(0, LENGTH) if SHAPE == "sinc" else rng.uniform(0, period)
        u = (t - shift) / period
        if SHAPE == "sine":
            clean[r] = a * np.sin(2 * np.pi * u)
        elif SHAPE == "square":
            clean[r] = a * np.where(u - np.floor(u) < 0.5, 1.0, -1.0)
        elif SHAPE == "sawtooth":
            clean[r] = a * (2 * (u - np.floor(u)) - 1)
        elif SHAPE == "sinc":
            clean[r] = a * np.sinc(2 * u)  # numpy's sinc(x) is sin(πx)/(πx)
        elif SHAPE == "sines":
            period2 = rng.integers(PERIOD_MIN, PERIOD_MAX + 1)
            shift2 = rng.uniform(0, period2)
            clean[r] = a * (np.sin(2 * np.pi * u) + np.sin(2 * np.pi * (t - shift2) / period2)) / 2
        else:  # a random walk from 0, steps of standard deviation a/√period
            clean[r, 1:] = np.cumsum(a / np.sqrt(period) * rng.standard_normal(steps - 1))
    noisy = clean + NOISE * rng.standard_normal(clean.shape).astype("float32") if NOISE > 0 else clean
    return clean, noisy


def make_batch(rng, rows):
    """Input: the first LENGTH noisy values [rows, LENGTH, 1]; target: the next OUTPUT [rows, OUTPUT]."""
    _, noisy = make_signals(rng, rows, LENGTH + OUTPUT)
    return noisy[:, :LENGTH, None], noisy[:, LENGTH:]


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(50, 1)),
        layers.LSTM(20, activation="tanh", recurrent_activation="sigmoid", return_sequences=True),
        layers.LSTM(20, activation="tanh", recurrent_activation="sigmoid"),
        layers.Dense(5, activation="linear"),
    ],
    name="signals",
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
EVALUATION_LOOPS = 100  # the open and closed loops run on the first signals only: every block re-reads the input


def evaluate():
    _, noisy = make_signals(eval_rng, EVALUATION_SIZE, LENGTH + max(OUTPUT, HORIZON))
    windows, after = noisy[:, :LENGTH], noisy[:, LENGTH:]
    targets = after[:, :OUTPUT]
    predicted = model.predict(windows[:, :, None], verbose=0)
    some, truths = windows[:EVALUATION_LOOPS], after[:EVALUATION_LOOPS, :HORIZON]
    naive = np.repeat(some[:, -1:], HORIZON, axis=1)
    return {
        "mae": np.mean(np.abs(predicted - targets)),
        "baseline": np.mean(np.abs(np.repeat(windows[:, -1:], OUTPUT, axis=1) - targets)),
        "openMae": np.mean(np.abs(open_loop(model, some, truths, HORIZON, OUTPUT) - truths)),
        "closedMae": np.mean(np.abs(closed_loop(model, some, HORIZON, OUTPUT) - truths)),
        "naiveMae": np.mean(np.abs(naive - truths)),
    }


metrics = evaluate()
for key, label, percent in [
    ("mae", "Mean absolute error", False),
    ("baseline", "Baseline MAE", False),
    ("openMae", "Open-loop MAE over the horizon", False),
    ("closedMae", "Closed-loop MAE over the horizon", False),
    ("naiveMae", "Repeating the last value over the horizon", False),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
