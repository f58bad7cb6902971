#!/usr/bin/env python3
"""Echo sequence: Vanilla LSTM · many-to-one classification.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 echo.py

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
LENGTH = 7  # values per sequence
FEATURES = 10  # values are integers in [0, FEATURES), one-hot
OUT_INDEX = 2  # the position to echo (0-based)
SAMPLES = 10000
BATCH_SIZE = 1
VALIDATION_ROWS = 100
VALIDATION_CHECKS = 40

# --- Data ----------------------------------------------------------------------------------------
def make_batch(rng, rows):
    """rows random sequences of LENGTH integers, one-hot [rows, LENGTH, FEATURES]; the target is the value at OUT_INDEX."""
    sequences = rng.integers(0, FEATURES, size=(rows, LENGTH))
    one_hot = np.eye(FEATURES, dtype="float32")
    return one_hot[sequences], one_hot[sequences[:, OUT_INDEX]]


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(7, 10)),
        layers.LSTM(8, activation="tanh", recurrent_activation="sigmoid"),
        layers.Dense(10, activation="softmax"),
    ],
    name="echo",
)
model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=0.01, clipnorm=5.0),
    loss="categorical_crossentropy",
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
    predicted = model.predict(x, verbose=0)
    return {"accuracy": np.mean(predicted.argmax(axis=-1) == y.argmax(axis=-1))}


metrics = evaluate()
for key, label, percent in [
    ("accuracy", "Accuracy", True),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
