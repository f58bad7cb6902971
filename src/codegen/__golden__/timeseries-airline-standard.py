#!/usr/bin/env python3
"""Forecasting a real series: LSTM on real data vs the naive forecast.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 timeseries.py [airline-passengers.csv]   (a CSV with a header line)
The file is the playground's bundled copy: data/airline-passengers.csv on the page's site (public/data/airline-passengers.csv in its source).

The data are drawn with numpy's random generator seeded from SEED: the same kind of data as in
the playground, not the same numbers (the page draws its data and initial weights from its own
seeded streams), so results agree in distribution, not bit for bit.
"""

import math
import argparse
import csv

import numpy as np
import keras
from keras import layers

SEED = 7
keras.utils.set_random_seed(SEED)  # Python's, numpy's and TensorFlow's generators: initial weights, shuffling
data_rng = np.random.default_rng([SEED, 0])  # the training data
eval_rng = np.random.default_rng([SEED, 1])  # fresh data for the evaluation, never trained on

# --- Settings ------------------------------------------------------------------------------------
CSV_FILE = "airline-passengers.csv"  # the default path; give another as the first argument
VALUE_COLUMN = "value"  # None: the last numeric column
LOOK_BACK = 12  # previous values read (as timesteps) to predict the next
TRAIN_SHARE = 0.67  # the first part of the series, in time order, trains
SCALING = "standard"  # fitted on the train period only
HORIZON = 12  # closed-loop horizon
EPOCHS = 100
BATCH_SIZE = 1

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
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("csv", nargs="?", default=CSV_FILE, help="the series as a CSV file with a header line")
args = parser.parse_args()


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


try:
    with open(args.csv, newline="", encoding="utf-8-sig") as file:
        rows = [row for row in csv.DictReader(file) if any((cell or "").strip() for cell in row.values())]
    numeric = [name for name in (rows[0].keys() if rows else []) if all(is_number(row[name] or "") for row in rows)]
    column = VALUE_COLUMN if VALUE_COLUMN is not None else numeric[-1]
    series = np.array([float(row[column]) for row in rows], dtype="float64")
except (OSError, KeyError, IndexError, ValueError, TypeError) as error:
    raise SystemExit(f"Cannot read a series from {args.csv}: {error!r}")
n = len(series)
train_size = int(math.floor(n * TRAIN_SHARE))

# The scaler is fitted on the train period only, then applied to the whole series.
if SCALING == "min-max":
    offset, spread = series[:train_size].min(), series[:train_size].max() - series[:train_size].min()
else:
    offset, spread = series[:train_size].mean(), series[:train_size].std()
spread = spread if spread > 0 else 1.0
scaled = ((series - offset) / spread).astype("float32")
inverse = lambda values: np.asarray(values, dtype="float64") * spread + offset

# Lag windows framed once over the whole series: inputs scaled[t − LOOK_BACK … t − 1], target scaled[t];
# a window trains when its target lies in the train period.
targets = np.arange(LOOK_BACK, n)
x_all = np.array([scaled[t - LOOK_BACK : t] for t in targets], dtype="float32")[:, :, None]
y_all = scaled[targets][:, None]
is_train = targets < train_size
x_train, y_train, x_test, y_test = x_all[is_train], y_all[is_train], x_all[~is_train], y_all[~is_train]
print(f"{n} values from {args.csv} ({column}): {len(x_train)} train and {len(x_test)} test windows")


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(12, 1)),
        layers.LSTM(4, activation="tanh", recurrent_activation="sigmoid"),
        layers.Dense(1, activation="linear"),
    ],
    name="timeseries",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="mean_squared_error",
    metrics=[],
)
model.summary()

# --- Training ------------------------------------------------------------------------------------
callbacks = []

# Keras shuffles the windows every epoch; the test windows are scored after each (the dashed curve).
history = model.fit(
    x_train,
    y_train,
    epochs=EPOCHS,
    batch_size=BATCH_SIZE,
    shuffle=True,
    validation_data=(x_test, y_test) if len(x_test) else None,
    callbacks=callbacks,
    verbose=2,
)


# --- Evaluation, as the playground reports it ----------------------------------------------------
def rmse(a, b):
    return float(np.sqrt(np.mean((np.asarray(a) - np.asarray(b)) ** 2)))


def evaluate():
    """RMSE in the series' units; the naive forecast repeats the previous value."""
    metrics = {}
    for name, x, is_set in (("train", x_train, is_train), ("test", x_test, ~is_train)):
        t = targets[is_set]
        predicted = inverse(model.predict(x, verbose=0)[:, 0])
        metrics[name] = (rmse(series[t], predicted), rmse(series[t], series[t - 1]))
    # Forecasting the test period HORIZON steps ahead from every start that leaves a whole horizon in it.
    horizon = max(0, min(HORIZON, n - train_size))
    origins = np.arange(train_size, n - horizon + 1) if horizon > 0 else np.arange(0)
    windows = np.array([scaled[o - LOOK_BACK : o] for o in origins], dtype="float32")
    truths = np.array([series[o : o + horizon] for o in origins])
    closed = inverse(closed_loop(model, windows, horizon, 1)) if len(origins) else truths
    naive = np.repeat(series[origins - 1][:, None], horizon, axis=1) if len(origins) else truths
    return {
        "trainRmse": metrics["train"][0],
        "testRmse": metrics["test"][0],
        "naiveTrain": metrics["train"][1],
        "naiveTest": metrics["test"][1],
        "closedTest": rmse(truths, closed),
        "naiveAhead": rmse(truths, naive),
    }


metrics = evaluate()
for key, label, percent in [
    ("trainRmse", "Train RMSE", False),
    ("testRmse", "Test RMSE", False),
    ("naiveTrain", "Naive forecast, train", False),
    ("naiveTest", "Naive forecast, test", False),
    ("closedTest", "Closed-loop RMSE, test", False),
    ("naiveAhead", "Naive forecast over the horizon", False),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
