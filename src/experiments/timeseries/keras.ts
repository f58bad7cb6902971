/**
 * Forecasting a real series as a Keras script (see src/codegen): the CSV read from a path argument
 * (the bundled file's name by default), framed as framing.ts frames it, evaluate() as
 * experiment.ts scores it.
 */
import { defineRecipe } from '../../codegen/recipe';
import { bundledSeries } from './bundled';
import type { TimeSeriesValues } from './experiment';

function source(values: TimeSeriesValues) {
  const bundled = values.series === 'custom' ? undefined : bundledSeries(values.series);
  return {
    file: bundled ? (bundled.file.split('/').pop() ?? bundled.file) : 'my-series.csv',
    site: bundled?.file,
    valueColumn: values.valueCol || bundled?.valueColumn || null,
  };
}

export const timeSeriesKeras = defineRecipe<TimeSeriesValues>({
  usage: (v) => {
    const { file, site } = source(v);
    return [
      `Run: python3 timeseries.py [${file}]   (a CSV with a header line)`,
      site ? `The file is the playground's bundled copy: ${site} on the page's site (public/${site} in its source).` : 'The CSV is your own: the one you gave the page.',
    ];
  },
  imports: () => ['import argparse', 'import csv'],
  settings: (v) => [
    ['csvFile', source(v).file, 'the default path; give another as the first argument'],
    ['valueColumn', source(v).valueColumn, 'None: the last numeric column'],
    ['lookBack', v.lookBack, 'previous values read (as timesteps) to predict the next'],
    ['trainShare', v.train, 'the first part of the series, in time order, trains'],
    ['scaling', v.scale, 'fitted on the train period only'],
    ['horizon', v.horizon, 'closed-loop horizon'],
    ['epochs', v.epochs],
    ['batchSize', v.bs],
  ],
  helpers: () => ['loops'],
  data: () => `
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
  `,
  fits: true,
  train: () => `
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
  `,
  evaluate: () => `
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
  `,
});
