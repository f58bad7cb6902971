#!/usr/bin/env python3
"""Moving line video: CNN LSTM · sequence-of-images classification.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 movingline.py

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
SIZE = 50  # frames per video, each SIZE × SIZE pixels
SAMPLES = 5000
BATCH_SIZE = 32
VALIDATION_ROWS = 32
VALIDATION_CHECKS = 40

# --- Data ----------------------------------------------------------------------------------------
def make_batch(rng, rows):
    """rows videos [rows, SIZE, SIZE, SIZE, 1]: a line drawn one column per frame from the left or the right
    edge, each step on the same row or one up or down; the target is 1 for a line moving right."""
    x = np.zeros((rows, SIZE, SIZE, SIZE, 1), dtype="float32")
    y = np.zeros((rows, 1), dtype="float32")
    for r in range(rows):
        row = rng.integers(SIZE)
        right = rng.random() < 0.5
        for step in range(SIZE):
            if step > 0:
                row = rng.integers(max(0, row - 1), min(SIZE - 1, row + 1) + 1)
            column = step if right else SIZE - 1 - step
            x[r, step:, row, column, 0] = 1  # lit from this frame on
        y[r, 0] = 1.0 if right else 0.0
    return x, y


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(50, 50, 50, 1)),
        layers.TimeDistributed(layers.Conv2D(2, kernel_size=2, activation="relu")),
        layers.TimeDistributed(layers.MaxPooling2D(pool_size=2)),
        layers.TimeDistributed(layers.Flatten()),
        layers.LSTM(50, activation="tanh", recurrent_activation="sigmoid"),
        layers.Dense(1, activation="sigmoid"),
    ],
    name="movingline",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
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
EVALUATION_CHUNK = 25  # videos per predict call


def evaluate():
    correct = 0
    for _ in range(EVALUATION_SIZE // EVALUATION_CHUNK):
        x, y = make_batch(eval_rng, EVALUATION_CHUNK)
        predicted = model.predict(x, verbose=0)
        correct += int(np.sum((predicted > 0.5) == (y > 0.5)))
    return {"accuracy": correct / EVALUATION_SIZE}


metrics = evaluate()
for key, label, percent in [
    ("accuracy", "Accuracy", True),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
