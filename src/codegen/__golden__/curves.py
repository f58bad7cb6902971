#!/usr/bin/env python3
"""Learning curves: diagnose the fit: Underfit, good fit, overfit on a tiny data set.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 curves.py

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
PRESET = "Underfit: more training needed"  # the lesson's preset, with the knobs below
EPOCHS = 100
BATCH_SIZE = 32  # larger than the 5 training pairs: one update per epoch

# --- Data ----------------------------------------------------------------------------------------
# 0.0, 0.1, … 1.0 as "next value" pairs: the first five train, the last five validate (beyond the training range).
X_TRAIN = np.array([0,0.1,0.2,0.3,0.4], dtype="float32").reshape(-1, 1, 1)
Y_TRAIN = np.array([0.1,0.2,0.3,0.4,0.5], dtype="float32").reshape(-1, 1)
X_VALIDATION = np.array([0.5,0.6,0.7,0.8,0.9], dtype="float32").reshape(-1, 1, 1)
Y_VALIDATION = np.array([0.6,0.7,0.8,0.9,1], dtype="float32").reshape(-1, 1)


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(1, 1)),
        layers.LSTM(10, activation="tanh", recurrent_activation="sigmoid"),
        layers.Dense(1, activation="linear"),
    ],
    name="curves",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="mean_squared_error",
    metrics=[],
)
model.summary()

# --- Training ------------------------------------------------------------------------------------
callbacks = []

# The lesson trains with shuffle=False: the pairs in order, every epoch; the validation pairs scored after each.
history = model.fit(
    X_TRAIN, Y_TRAIN, epochs=EPOCHS, batch_size=BATCH_SIZE, shuffle=False, validation_data=(X_VALIDATION, Y_VALIDATION), callbacks=callbacks, verbose=0
)
for epoch in sorted(set([0, len(history.history["loss"]) // 2, len(history.history["loss"]) - 1])):
    print(f"epoch {epoch + 1}: loss {history.history['loss'][epoch]:.5f}, val_loss {history.history['val_loss'][epoch]:.5f}")


# --- Evaluation, as the playground reports it ----------------------------------------------------
def evaluate():
    mse = lambda x, y: float(np.mean((model.predict(x, verbose=0) - y) ** 2))
    return {"validationMse": mse(X_VALIDATION, Y_VALIDATION), "trainMse": mse(X_TRAIN, Y_TRAIN)}


metrics = evaluate()
for key, label, percent in [
    ("validationMse", "Validation MSE", False),
    ("trainMse", "Training MSE", False),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
