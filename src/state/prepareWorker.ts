/**
 * The training worker starts while the page is idle, not when Train is pressed: loading TF.js,
 * probing WebGPU and WebGL and compiling the WebAssembly backend take a few hundred milliseconds
 * on a slow machine, and a person who presses Train should see the run start at once. A change of
 * the engine setting readies that engine's backend too.
 */
import { afterLoadWhenIdle } from './afterLoad';
import { getClient } from './actions';
import { isActive, useStore } from './store';

export function prepareWorkerWhenIdle(): void {
  afterLoadWhenIdle(() => {
    getClient().prepare(useStore.getState().backend);
    useStore.subscribe((state, previous) => {
      if (state.backend !== previous.backend && !isActive(state.status)) getClient().prepare(state.backend);
    });
  });
}
