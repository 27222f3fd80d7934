import { fetchDemoMode, showDemoLabel } from '../ui/demo-mode.js';

const main = document.querySelector('main');
if (main && (await fetchDemoMode())) showDemoLabel(main);
