/** "A new version is ready — Reload to update": shown when a new service worker waits. */
import { useEffect, useState } from 'react';
import { useOfflineStore } from './updateState';

/** If the page has not reloaded by then, the button is offered again. */
const RELOAD_PATIENCE_MS = 10_000;

export function UpdatePrompt() {
  const applyUpdate = useOfflineStore((s) => s.applyUpdate);
  const [reloading, setReloading] = useState(false);
  useEffect(() => {
    if (!reloading) return;
    const timer = setTimeout(() => setReloading(false), RELOAD_PATIENCE_MS);
    return () => clearTimeout(timer);
  }, [reloading]);
  if (!applyUpdate) return null;
  const reload = () => {
    setReloading(true);
    void applyUpdate().catch(() => setReloading(false));
  };
  return (
    <div className="banner banner-update" role="status" data-testid="update-prompt">
      <span>A new version of the playground is ready. Reloading keeps your settings (they are in the link) but ends a run in progress.</span>
      <button type="button" onClick={reload} disabled={reloading}>
        {reloading ? 'Reloading…' : 'Reload to update'}
      </button>
    </div>
  );
}
