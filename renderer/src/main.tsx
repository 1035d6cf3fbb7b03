// Entry: take the serve token from the address bar, connect the api, render.
import './lib/zod-csp'; // First: before any zod schema is built.
// Page-wide styles before any component's, so components can refine them.
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi, setApi } from './api';
import { App } from './App';
import { takeToken, watchForNewToken } from './lib/hash-token';

// The token must leave the address bar before the router reads the hash.
const place = { location: window.location, history: window.history, storage: sessionStorageOrNone() };
setApi(connectApi(window, takeToken(place)));
watchForNewToken({ ...place, addEventListener: window.addEventListener.bind(window) }, () =>
  window.location.reload(),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

function sessionStorageOrNone(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
