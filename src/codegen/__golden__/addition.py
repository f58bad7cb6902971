#!/usr/bin/env python3
"""Addition: Encoder-decoder LSTM · sequence to sequence.

Exported from the LSTM playground: its experiment with the settings of the page, on Keras
(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).
Run: python3 addition.py

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
TERMS = 3  # numbers added per question
LARGEST = 10  # each number is drawn from 1 to LARGEST
SAMPLES = 75000
BATCH_SIZE = 32
VALIDATION_ROWS = 100
VALIDATION_CHECKS = 40

# --- Data ----------------------------------------------------------------------------------------
ALPHABET = "0123456789+ "  # one-hot order; the space pads
IN_LENGTH = TERMS * len(str(LARGEST)) + TERMS - 1
OUT_LENGTH = len(str(TERMS * (LARGEST + 1) - 1))


def encode(texts):
    """Strings of equal length, one-hot [len(texts), length, len(ALPHABET)]."""
    return np.eye(len(ALPHABET), dtype="float32")[[[ALPHABET.index(c) for c in text] for text in texts]]


def make_batch(rng, rows):
    """rows questions like "  9+10+9", left-padded to IN_LENGTH; the answers like "28", padded to OUT_LENGTH."""
    numbers = rng.integers(1, LARGEST + 1, size=(rows, TERMS))
    questions = ["+".join(str(n) for n in row).rjust(IN_LENGTH) for row in numbers]
    answers = [str(int(row.sum())).rjust(OUT_LENGTH) for row in numbers]
    return encode(questions), encode(answers)


# --- Model ---------------------------------------------------------------------------------------
model = keras.Sequential(
    [
        keras.Input(shape=(8, 12)),
        layers.LSTM(75, activation="tanh", recurrent_activation="sigmoid"),
        layers.RepeatVector(2),
        layers.LSTM(50, activation="tanh", recurrent_activation="sigmoid", return_sequences=True),
        layers.TimeDistributed(layers.Dense(12, activation="softmax")),
    ],
    name="addition",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001, clipnorm=5.0),
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
EPSILON = 1e-7  # Keras clips probabilities before the log


def evaluate():
    x, y = make_batch(eval_rng, EVALUATION_SIZE)
    predicted = model.predict(x, verbose=0)
    right = predicted.argmax(axis=-1) == y.argmax(axis=-1)
    p = np.clip(np.sum(predicted * y, axis=-1), EPSILON, 1 - EPSILON)
    return {"accuracy": np.mean(right), "answers": np.mean(right.all(axis=1)), "loss": np.mean(-np.log(p))}


metrics = evaluate()
for key, label, percent in [
    ("accuracy", "Accuracy per character", True),
    ("answers", "Whole answers right", True),
    ("loss", "Loss", False),
]:
    value = float(metrics[key])
    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")
