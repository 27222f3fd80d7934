/**
 * Code the kiosk bench runs inside the page, kept as strings because the bench's own TypeScript
 * has no DOM types. The init script is the perf-anchors method, with t0 at the release: a
 * capture-phase `pointerup` listener on window stamps t0 (the kiosk acts on release, through
 * usePress, before the `click` event is even sent; SurveyJS acts on that `click`, a fraction of a
 * millisecond later); a MutationObserver waits for a `[data-step]` heading that was not there at
 * the release (tap→DOM); then rAF→rAF (double-rAF); an Element Timing observer gives Chromium's
 * `renderTime` for that heading (painted).
 *
 * The settle time (issue 13, core/kiosk/settle.ts): while a new screen ignores presses, `<html>`
 * carries `data-settling`. The bench never taps then (it waits for the attribute to go, see
 * kiosk-bench-runs.ts), so the settle time is not in tap → paint; the init script records how
 * long each settle lasted, for the report.
 */

/** Installed before any page script; exposes `window.__kb`. */
export const measureInitScript = `(() => {
  const kb = { armed: false, old: null, newEl: null, t0: 0, tDom: 0, tRaf: 0, paint: 0, presentAtTap: false, entries: [], settles: [], settlingSince: 0 };
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
  window.addEventListener('pointerup', () => {
    if (!kb.armed || kb.t0) return;
    kb.t0 = performance.now();
    kb.presentAtTap = find() !== null;
  }, true);
  // How long each settle time lasted (ms), whoever started it. The document, not <html>: this
  // runs before the page has its root element.
  new MutationObserver(() => {
    const settling = document.documentElement.hasAttribute('data-settling');
    if (settling && !kb.settlingSince) kb.settlingSince = performance.now();
    if (!settling && kb.settlingSince) { kb.settles.push(performance.now() - kb.settlingSince); kb.settlingSince = 0; }
  }).observe(document, { attributes: true, attributeFilter: ['data-settling'], subtree: true });
  kb.arm = () => {
    kb.old = document.querySelector('[data-step]');
    Object.assign(kb, { armed: true, newEl: null, t0: 0, tDom: 0, tRaf: 0, paint: 0, presentAtTap: false });
    kb.entries.length = 0;
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    return kb.old !== null;
  };
  kb.done = () => { matchPaint(); return kb.tRaf > 0 && kb.paint > 0; };
  kb.result = () => {
    kb.armed = false;
    observer.disconnect();
    return { dom: kb.tDom - kb.t0, raf: kb.tRaf - kb.t0, paint: kb.paint - kb.t0, presentAtTap: kb.presentAtTap, step: kb.newEl ? kb.newEl.getAttribute('data-step') : null };
  };
  kb.takeSettles = () => kb.settles.splice(0);
})();`;

/**
 * In-page kiosk driver (element.click(), not measured): \`__kbDrive.toFirstStep(match)\` goes
 * attract → Español → comfort → catalogue tile whose text contains \`match\` → "Sí" to every
 * requirement, until a step heading shows; \`__kbDrive.session(match, steps)\` does that, walks
 * \`steps\` (choice indexes, or -1 for Siguiente) and taps "Empezar de nuevo" (and "Sí, borrar"
 * when the kiosk asks before losing answers). Every tap waits for the screen to settle first.
 */
export const driverInitScript = `(() => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const waitFor = async (fn, what) => {
    for (let i = 0; i < 400; i++) { const v = fn(); if (v) return v; await tick(); }
    throw new Error('kiosk driver: no ' + what + ' on screen: ' + (document.querySelector('main h1') || {}).textContent);
  };
  // The kiosk ignores presses while a new screen settles (data-settling on <html>); a press from
  // element.click() counts at once today, but the driver waits all the same, as a senior would.
  const settled = async () => {
    for (let i = 0; i < 300 && document.documentElement.hasAttribute('data-settling'); i++) await pause(10);
  };
  const tap = async (fn, what) => { const el = await waitFor(fn, what); await settled(); el.click(); await tick(); };
  const q = (s) => document.querySelector(s);
  const toFirstStep = async (match) => {
    await tap(() => q('.attract-start'), 'start button');
    await tap(() => q('.button-column button[lang="es"]'), 'Español');
    await tap(() => q('.step-nav .kiosk-button-primary'), 'comfort continue');
    for (let page = 0; page < 20; page++) {
      // The tiles on this page: the catalogue keeps the other pages' tiles hidden.
      const tile = await waitFor(() => { const tiles = Array.from(document.querySelectorAll('.catalogue-tile')).filter((t) => !t.closest('[hidden]')); return tiles.length ? tiles : null; }, 'catalogue');
      const hit = tiles_find(tile, match);
      await settled();
      if (hit) { hit.click(); await tick(); break; }
      const more = q('.help-dock .nav-forward');
      if (!more) throw new Error('kiosk driver: procedure not in catalogue: ' + match);
      more.click(); await tick();
    }
    for (let i = 0; i < 20; i++) {
      const el = await waitFor(() => q('[data-step]') || q('main .kiosk-button-primary'), 'requirement Sí or first step');
      if (el.hasAttribute('data-step')) return;
      await settled();
      el.click(); await tick();
    }
    throw new Error('kiosk driver: no first step after the requirements');
  };
  const tiles_find = (tiles, match) => tiles.find((t) => (t.textContent || '').toLowerCase().includes(match)) || null;
  const endSession = async () => {
    await tap(() => Array.from(document.querySelectorAll('.session-bar button')).find((b) => /^(Empezar de nuevo|Terminar)$/.test((b.textContent || '').trim())), 'Empezar de nuevo');
    // With answers to lose, the kiosk asks first ("¿Borrar lo que ha escrito?").
    const next = await waitFor(() => q('.attract-start') || q('.confirm-sheet .confirm-yes'), 'attract screen or the question before erasing');
    if (next.matches('.confirm-yes')) await tap(() => q('.confirm-sheet .confirm-yes'), 'Sí, borrar');
    await waitFor(() => q('.attract-start'), 'attract screen');
  };
  const session = async (match, steps) => {
    await toFirstStep(match);
    for (const s of steps) {
      const before = q('[data-step]');
      if (s < 0) await tap(() => q('.step-nav .kiosk-button-primary'), 'Siguiente');
      else await tap(() => document.querySelectorAll('main.step button[data-choice]')[s], 'choice ' + s);
      await waitFor(() => { const h = q('[data-step]'); return h && h !== before; }, 'next step');
    }
    await endSession();
  };
  const sessions = async (match, steps, count) => { for (let i = 0; i < count; i++) await session(match, steps); return count; };
  window.__kbDrive = { toFirstStep, session, sessions, endSession };
})();`;
