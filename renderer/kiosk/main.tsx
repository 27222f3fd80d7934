import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/tokens.css';
import { loadBundledProcedures } from './bundled-procedures.js';
import { Catalogue } from './catalogue.js';
import './kiosk.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Catalogue procedures={loadBundledProcedures()} language="es" />
    </StrictMode>,
  );
}
