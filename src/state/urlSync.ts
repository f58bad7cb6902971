/** Mirrors the experiment settings into the address bar (debounced) and reads them back on navigation. */
import { loadUrlState } from './actions';
import { useStore } from './store';
import { buildQuery, parseUrl } from './url';

const WRITE_DELAY_MS = 250;

export function currentQuery(): string {
  const { experimentId, seed, backend, values } = useStore.getState();
  return buildQuery({ experimentId, seed, backend, values });
}

/** The link that reproduces the current settings. */
export function shareableUrl(): string {
  return `${location.origin}${location.pathname}${currentQuery()}`;
}

export function startUrlSync(): () => void {
  const parsed = parseUrl(location.search);
  loadUrlState(parsed.state, parsed.warnings);
  history.replaceState(null, '', currentQuery());

  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (
      state.experimentId === previous.experimentId &&
      state.values === previous.values &&
      state.seed === previous.seed &&
      state.backend === previous.backend
    ) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      const query = currentQuery();
      if (query !== location.search) history.replaceState(null, '', query);
    }, WRITE_DELAY_MS);
  });
  const onPopState = () => {
    const next = parseUrl(location.search);
    loadUrlState(next.state, next.warnings);
  };
  window.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener('popstate', onPopState);
  };
}
