/**
 * Code the kiosk bench runs inside the page, kept as strings because the bench's own TypeScript
 * has no DOM types. The init script is the perf-anchors method: a capture-phase `click` listener
 * on window stamps t0; a MutationObserver waits for a `[data-step]` heading that was not there at
 * the click (click→DOM); then rAF→rAF (double-rAF); an Element Timing observer gives Chromium's
 * `renderTime` for that heading (painted).
 */

/** Installed before any page script; exposes `window.__kb`. */
export const measureInitScript = `(() => {
  const kb = { armed: false, old: null, newEl: null, t0: 0, tDom: 0, tRaf: 0, paint: 0, presentAtClick: false, entries: [] };
  window.__kb = kb;
  const find = () => Array.from(document.querySelectorAll('[data-step]')).find((el) => el !== kb.old && el.isConnected) || null;
  const matchPaint = () => {
    if (!kb.newEl || kb.paint) return;
    const hit = kb.entries.find((e) => e.element === kb.newEl && e.renderTime > 0);
    if (hit) kb.paint = hit.renderTime;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) kb.entries.push(e);
    if (kb.entries.length > 200) kb.entries.splice(0, kb.entries.length - 200);
    matchPaint();
  }).observe({ type: 'element', buffered: true });
  const seen = () => {
    if (!kb.armed || kb.newEl) return;
    const el = find();
    if (!el) return;
    kb.newEl = el;
    kb.tDom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { kb.tRaf = performance.now(); }));
    matchPaint();
  };
  const observer = new MutationObserver(seen);
  window.addEventListener('click', () => {
    if (!kb.armed || kb.t0) return;
    kb.t0 = performance.now();
    kb.presentAtClick = find() !== null;
  }, true);
  kb.arm = () => {
    kb.old = document.querySelector('[data-step]');
    Object.assign(kb, { armed: true, newEl: null, t0: 0, tDom: 0, tRaf: 0, paint: 0, presentAtClick: false });
    kb.entries.length = 0;
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    return kb.old !== null;
  };
  kb.done = () => { matchPaint(); return kb.tRaf > 0 && kb.paint > 0; };
  kb.result = () => {
    kb.armed = false;
    observer.disconnect();
    return { dom: kb.tDom - kb.t0, raf: kb.tRaf - kb.t0, paint: kb.paint - kb.t0, presentAtClick: kb.presentAtClick, step: kb.newEl ? kb.newEl.getAttribute('data-step') : null };
  };
})();`;

/**
 * In-page kiosk driver (element.click(), not measured): \`__kbDrive.toFirstStep(match)\` goes
 * attract → Español → comfort → catalogue tile whose text contains \`match\` → "Sí" to every
 * requirement, until a step heading shows; \`__kbDrive.session(match, steps)\` does that, walks
 * \`steps\` (choice indexes, or -1 for Siguiente) and taps "Empezar de nuevo".
 */
export const driverInitScript = `(() => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const waitFor = async (fn, what) => {
    for (let i = 0; i < 400; i++) { const v = fn(); if (v) return v; await tick(); }
    throw new Error('kiosk driver: no ' + what + ' on screen: ' + (document.querySelector('main h1') || {}).textContent);
  };
  const tap = async (fn, what) => { const el = await waitFor(fn, what); el.click(); await tick(); };
  const q = (s) => document.querySelector(s);
  const toFirstStep = async (match) => {
    await tap(() => q('.attract-start'), 'start button');
    await tap(() => q('.button-column button[lang="es"]'), 'Español');
    await tap(() => q('.step-nav .kiosk-button-primary'), 'comfort continue');
    for (let page = 0; page < 20; page++) {
      // The tiles on this page: the catalogue keeps the other pages' tiles hidden.
      const tile = await waitFor(() => { const tiles = Array.from(document.querySelectorAll('.catalogue-tile')).filter((t) => !t.closest('[hidden]')); return tiles.length ? tiles : null; }, 'catalogue');
      const hit = tiles_find(tile, match);
      if (hit) { hit.click(); await tick(); break; }
      const more = q('.help-dock .nav-forward');
      if (!more) throw new Error('kiosk driver: procedure not in catalogue: ' + match);
      more.click(); await tick();
    }
    for (let i = 0; i < 20; i++) {
      const el = await waitFor(() => q('[data-step]') || q('main .kiosk-button-primary'), 'requirement Sí or first step');
      if (el.hasAttribute('data-step')) return;
      el.click(); await tick();
    }
    throw new Error('kiosk driver: no first step after the requirements');
  };
  const tiles_find = (tiles, match) => tiles.find((t) => (t.textContent || '').toLowerCase().includes(match)) || null;
  const session = async (match, steps) => {
    await toFirstStep(match);
    for (const s of steps) {
      const before = q('[data-step]');
      if (s < 0) await tap(() => q('.step-nav .kiosk-button-primary'), 'Siguiente');
      else await tap(() => document.querySelectorAll('main.step button[data-choice]')[s], 'choice ' + s);
      await waitFor(() => { const h = q('[data-step]'); return h && h !== before; }, 'next step');
    }
    await tap(() => Array.from(document.querySelectorAll('.session-bar button')).find((b) => /^(Empezar de nuevo|Terminar)$/.test((b.textContent || '').trim())), 'Empezar de nuevo');
    await waitFor(() => q('.attract-start'), 'attract screen');
  };
  const sessions = async (match, steps, count) => { for (let i = 0; i < count; i++) await session(match, steps); return count; };
  window.__kbDrive = { toFirstStep, session, sessions };
})();`;
