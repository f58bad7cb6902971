#!/usr/bin/env python3
"""Small regression problems: Simple vs stacked vs bidirectional LSTM.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 regression.py

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
PROBLEM = "e. Two outputs: the next value of each series"
TEST_INPUT = [[1, 2], [4, 7], [7, 12]]  # timesteps × features
EPOCHS = 1000
BATCH_SIZE = 5
TRAIN_SAMPLES = 12  # the rest (20% from the end) validates
HORIZON = 10  # steps both series are continued past the test input

# --- Data ----------------------------------------------------------------------------------------
# The data set (samples × timesteps × features → outputs), raw and unscaled as in the tutorial.
X = np.array(
    [
        [[3, 5], [6, 10], [9, 15]],
        [[12, 20], [15, 25], [18, 30]],
        [[21, 35], [24, 40], [27, 45]],
        [[30, 50], [33, 55], [36, 60]],
        [[39, 65], [42, 70], [45, 75]],
        [[48, 80], [51, 85], [54, 90]],
        [[57, 95], [60, 100], [63, 105]],
        [[66, 110], [69, 115], [72, 120]],
        [[75, 125], [78, 130], [81, 135]],
        [[84, 140], [87, 145], [90, 150]],
        [[93, 155], [96, 160], [99, 165]],
        [[102, 170], [105, 175], [108, 180]],
        [[111, 185], [114, 190], [117, 195]],
        [[120, 200], [123, 205], [126, 210]],
        [[129, 215], [132, 220], [135, 225]],
    ],
    dtype="float32",
)
Y = np.array(
    [
        [12, 20],
        [21, 35],
        [30, 50],
        [39, 65],
        [48, 80],
        [57, 95],
        [66, 110],
        [75, 125],
        [84, 140],
        [93, 155],
        [102, 170],
        [111, 185],
        [120, 200],
        [129, 215],
        [138, 230],
    ],
    dtype="float32",
)
x_train, y_train = X[:TRAIN_SAMPLES], Y[:TRAIN_SAMPLES]
x_validation, y_validation = X[TRAIN_SAMPLES:], Y[TRAIN_SAMPLES:]


def rule(x):
    """The problem's rule: the answer a test input should get."""
    return [x[-1][0] + 3, x[-1][1] + 5]


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(3, 2)),
        layers.LSTM(50, activation="relu", recurrent_activation="sigmoid", return_sequences=True),
        layers.LSTM(50, activation="relu", recurrent_activation="sigmoid"),
        layers.Dense(2, activation="linear"),
    ],
    name="regression",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="mean_squared_error",
    metrics=[],
)
model.summary()

# --- Training ------------------------------------------------------------------------------------
callbacks = []

# Keras shuffles the training samples every epoch; the held-out samples are scored after each.
history = model.fit(
    x_train,
    y_train,
    epochs=EPOCHS,
    batch_size=BATCH_SIZE,
    shuffle=True,
    validation_data=(x_validation, y_validation) if len(x_validation) else None,
    callbacks=callbacks,
    verbose=0,
)
print("final loss:", ", ".join(f"{name} {values[-1]:.3f}" for name, values in history.history.items()))


# --- Evaluation, as the playground reports it ----------------------------------------------------
def evaluate():
    predicted = model.predict(np.array([TEST_INPUT], dtype="float32"), verbose=0)[0]
    expected = np.array(rule(TEST_INPUT), dtype="float32")
    metrics = {"prediction": predicted[0], "error": np.mean(np.abs(predicted - expected))}
    if len(predicted) > 1:
        metrics["prediction2"] = predicted[1]

    # Problem e: both series continued past the test input, open loop (from the true past) and
    # closed loop (the model's own steps fed back).
    window = np.array(TEST_INPUT, dtype="float32")
    last, truth = window, []
    for _ in range(HORIZON):
        truth.append(rule(last))
        last = np.concatenate([last[1:], np.array([truth[-1]], dtype="float32")])
    truth = np.array(truth, dtype="float32")
    past = np.concatenate([window, truth])
    open_ = model.predict(np.array([past[h : h + len(window)] for h in range(HORIZON)]), verbose=0)
    current, closed = window, []
    for _ in range(HORIZON):
        closed.append(model.predict(current[None], verbose=0)[0])
        current = np.concatenate([current, closed[-1][None]])[-len(window):]
    metrics["openError"] = np.mean(np.abs(open_ - truth))
    metrics["closedError"] = np.mean(np.abs(np.array(closed) - truth))
    return metrics


metrics = evaluate()
for key, label, percent in [
    ("prediction", "Prediction for the test input", False),
    ("prediction2", "Second output", False),
    ("error", "Error", False),
    ("openError", "Open-loop error", False),
    ("closedError", "Closed-loop error", False),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
