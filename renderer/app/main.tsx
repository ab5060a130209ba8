// Renderer entry. scripts/build-renderer.mjs bundles it into dist/renderer/app.js (app.css is its own entry).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
