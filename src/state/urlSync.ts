/** Mirrors the experiment settings into the address bar (debounced) and reads them back on navigation. */
import { loadUrlState } from './actions';
import { gridFromSearch, gridQuerySuffix, loadGrid, useGridStore } from './grid/store';
import { useStore } from './store';
import { buildQuery, parseUrl } from './url';

const WRITE_DELAY_MS = 250;

export function currentQuery(): string {
  const { experimentId, seed, backend, values } = useStore.getState();
  return buildQuery({ experimentId, seed, backend, values }) + gridQuerySuffix();
}

/** The link that reproduces the current settings. */
export function shareableUrl(): string {
  return `${location.origin}${location.pathname}${currentQuery()}`;
}

export function startUrlSync(): () => void {
  const load = (search: string) => {
    const parsed = parseUrl(search);
    const grid = gridFromSearch(search, parsed.state.experimentId);
    loadUrlState(parsed.state, [...parsed.warnings, ...grid.warnings]);
    loadGrid(parsed.state.experimentId, grid.grid);
  };
  load(location.search);
  history.replaceState(null, '', currentQuery());

  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const query = currentQuery();
      if (query !== location.search) history.replaceState(null, '', query);
    }, WRITE_DELAY_MS);
  };
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (
      state.experimentId === previous.experimentId &&
      state.values === previous.values &&
      state.seed === previous.seed &&
      state.backend === previous.backend
    ) {
      return;
    }
    write();
  });
  const unsubscribeGrid = useGridStore.subscribe(write);
  const onPopState = () => load(location.search);
  window.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    unsubscribeGrid();
    clearTimeout(timer);
    window.removeEventListener('popstate', onPopState);
  };
}
