import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/tokens.css';
import { fetchDemoMode } from '../ui/demo-mode.js';
import { loadBundledProcedures } from './bundled-procedures.js';
import { Catalogue } from './catalogue.js';
import './kiosk.css';

const root = document.getElementById('root');
if (root) {
  const reactRoot = createRoot(root);
  const render = (demo: boolean): void =>
    reactRoot.render(
      <StrictMode>
        <Catalogue procedures={loadBundledProcedures()} language="es" demo={demo} />
      </StrictMode>,
    );
  render(false);
  void fetchDemoMode().then(render);
}
