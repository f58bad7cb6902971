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

SEED = 1
keras.utils.set_random_seed(SEED)  # Python's, numpy's and TensorFlow's generators: initial weights, shuffling
data_rng = np.random.default_rng([SEED, 0])  # the training data
eval_rng = np.random.default_rng([SEED, 1])  # fresh data for the evaluation, never trained on

# --- Settings ------------------------------------------------------------------------------------
PROBLEM = "a. One-to-one: y = 15·x"
TEST_INPUT = [[30]]  # timesteps × features
EPOCHS = 2000
BATCH_SIZE = 5
TRAIN_SAMPLES = 16  # the rest (20% from the end) validates

# --- Data ----------------------------------------------------------------------------------------
# The data set (samples × timesteps × features → outputs), raw and unscaled as in the tutorial.
X = np.array(
    [
        [[1]],
        [[2]],
        [[3]],
        [[4]],
        [[5]],
        [[6]],
        [[7]],
        [[8]],
        [[9]],
        [[10]],
        [[11]],
        [[12]],
        [[13]],
        [[14]],
        [[15]],
        [[16]],
        [[17]],
        [[18]],
        [[19]],
        [[20]],
    ],
    dtype="float32",
)
Y = np.array(
    [
        [15],
        [30],
        [45],
        [60],
        [75],
        [90],
        [105],
        [120],
        [135],
        [150],
        [165],
        [180],
        [195],
        [210],
        [225],
        [240],
        [255],
        [270],
        [285],
        [300],
    ],
    dtype="float32",
)
x_train, y_train = X[:TRAIN_SAMPLES], Y[:TRAIN_SAMPLES]
x_validation, y_validation = X[TRAIN_SAMPLES:], Y[TRAIN_SAMPLES:]


def rule(x):
    """The problem's rule: the answer a test input should get."""
    return [15 * x[-1][0]]


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(1, 1)),
        layers.LSTM(50, activation="relu", recurrent_activation="sigmoid"),
        layers.Dense(1, activation="linear"),
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
    return metrics


metrics = evaluate()
for key, label, percent in [
    ("prediction", "Prediction for the test input", False),
    ("error", "Error", False),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
