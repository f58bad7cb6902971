import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerServiceWorkerWhenQuiet } from './offline/registerWhenQuiet';
import { startExternalTextSync } from './state/externalText';
import { prepareWorkerWhenIdle } from './state/prepareWorker';
import { installTestHook } from './state/testHook';
import { startUrlSync } from './state/urlSync';
import './styles.css';

startUrlSync();
startExternalTextSync();
installTestHook();
prepareWorkerWhenIdle();
// Production builds only: the service worker that keeps the page working offline (its own chunk),
// registered once no run has trained for a few seconds.
if (import.meta.env.PROD) registerServiceWorkerWhenQuiet();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
