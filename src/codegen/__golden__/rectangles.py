#!/usr/bin/env python3
"""Rectangle generation: Generative LSTM · one-to-one, fed back.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 rectangles.py

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
SAMPLES = 25000
BATCH_SIZE = 1
VALIDATION_ROWS = 100
VALIDATION_CHECKS = 40

# --- Data ----------------------------------------------------------------------------------------
def make_batch(rng, rows):
    """rows random rectangles (width and height uniform in [0, 1)) as their 3 corner pairs in order,
    BL→BR, BR→TR, TR→TL: inputs [3·rows, 1, 2], targets [3·rows, 2]."""
    x, y = [], []
    for width, height in rng.random((rows, 2)):
        corners = [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)]
        for p in range(3):
            x.append([corners[p]])
            y.append(corners[p + 1])
    return np.array(x, dtype="float32"), np.array(y, dtype="float32")


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(1, 2)),
        layers.LSTM(10, activation="tanh", recurrent_activation="sigmoid"),
        layers.Dense(2, activation="linear"),
    ],
    name="rectangles",
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


def generate_shape(start=(0.0, 0.0), steps=3):
    """From the start, predict the next corner and feed it back, steps times."""
    shape = [np.array(start, dtype="float32")]
    for _ in range(steps):
        shape.append(model.predict(shape[-1][None, None, :], verbose=0)[0])
    return shape


def evaluate():
    bl, br, tr, tl = generate_shape()
    # The nearest axis-aligned rectangle: each side at the mean of the two corners on it.
    left, right = (bl[0] + tl[0]) / 2, (br[0] + tr[0]) / 2
    bottom, top = (bl[1] + br[1]) / 2, (tr[1] + tl[1]) / 2
    fitted = [(left, bottom), (right, bottom), (right, top), (left, top)]
    deviation = np.mean([np.hypot(c[0] - f[0], c[1] - f[1]) for c, f in zip((bl, br, tr, tl), fitted)])
    x, y = make_batch(eval_rng, EVALUATION_SIZE)
    mae = np.mean(np.abs(model.predict(x, verbose=0) - y))
    return {"deviation": deviation, "width": right - left, "height": top - bottom, "mae": mae}


metrics = evaluate()
for key, label, percent in [
    ("deviation", "Rectangularity error", False),
    ("width", "Drawn width", False),
    ("height", "Drawn height", False),
    ("mae", "One-step MAE", False),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
