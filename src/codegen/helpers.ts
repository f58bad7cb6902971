/** Python helpers shared by several experiments' scripts (see recipe.ts). */
import type { PythonHelper } from './recipe';
import { dedent } from './python';

export const PYTHON_HELPERS: Record<PythonHelper, string> = {
  resetStates: dedent(`
    def reset_states(model):
        """Zeroes the carried state of every stateful layer (no effect on a stateless model)."""
        for layer in model.layers:
            if getattr(layer, "stateful", False) and hasattr(layer, "reset_states"):
                layer.reset_states()
  `),
  trainEpochs: dedent(`
    def train_epochs(model, epochs, epoch_batches, after_epoch=None):
        """Trains batch by batch in order, as the playground does: a stateful layer carries its state
        from one batch to the next and is reset where a sequence ends (reset_after). after_epoch()
        may score held-out data after every epoch ({"val_loss": …})."""
        report = max(1, epochs // 20)
        logs = {}
        for epoch in range(1, epochs + 1):
            for x, y, reset_after in epoch_batches():
                logs = model.train_on_batch(x, y, return_dict=True)
                if reset_after:
                    reset_states(model)
            scores = after_epoch() if after_epoch else {}
            if epoch % report == 0 or epoch == epochs:
                shown = {**logs, **scores}
                print(f"epoch {epoch}/{epochs}: " + ", ".join(f"{name} {float(value):.4f}" for name, value in shown.items()))
        return logs
  `),
  loops: dedent(`
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
  `),
};

/** Order of definition: train_epochs calls reset_states. */
export const HELPER_ORDER: readonly PythonHelper[] = ['resetStates', 'trainEpochs', 'loops'];
