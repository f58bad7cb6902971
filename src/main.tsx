import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startExternalTextSync } from './state/externalText';
import { installTestHook } from './state/testHook';
import { startUrlSync } from './state/urlSync';
import './styles.css';

startUrlSync();
startExternalTextSync();
installTestHook();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
