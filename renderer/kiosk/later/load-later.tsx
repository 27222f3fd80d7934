/**
 * Code most sessions never run (issue 13's budget: the kiosk's first load ≤ 150,000 B gzipped),
 * kept out of the page's first script and fetched as soon as the page is idle, long before a
 * senior's tap can need it. Once fetched, a part is read synchronously: a screen that uses it
 * renders at once and never suspends (React holds a revealed Suspense fallback for up to 300 ms,
 * which a tap must never wait for). Only if a tap outruns the fetch does the screen wait, blank
 * where the part goes; a fetch that fails (the hub serving the page gone for a moment) is tried
 * again every few seconds rather than breaking the kiosk.
 */
import { createElement, Suspense, use, type ComponentType } from 'react';

/** How long a failed fetch waits before it is tried again. */
const retryMs = 3000;

/** A module of the kiosk loaded after its first screen. */
export interface LaterPart<M> {
  /** Fetches the module once (again after a failure); resolves when it is there. */
  load(): Promise<M>;
  /** The module if it has arrived. */
  loaded(): M | undefined;
}

/** A part fetched by `importer` (a dynamic `import()`, which the build turns into a chunk of its own). */
export function laterPart<M>(importer: () => Promise<M>): LaterPart<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  const attempt = (): Promise<M> =>
    importer().then(
      (arrived) => (module = arrived),
      () => new Promise<M>((resolve) => setTimeout(() => resolve(attempt()), retryMs)),
    );
  return {
    load: () => (loading ??= attempt()),
    loaded: () => module,
  };
}

/** The part's module in a component: at once when it has arrived, else it suspends until it does. */
export function useLaterPart<M>(part: LaterPart<M>): M {
  return part.loaded() ?? use(part.load());
}

/**
 * A component of a later part, usable like the component itself: it renders the real one at
 * once when its part has arrived, and nothing (its own Suspense boundary) until then.
 */
export function laterComponent<M, P extends object>(part: LaterPart<M>, pick: (module: M) => ComponentType<P>): ComponentType<P> {
  function Arrived(props: P) {
    // The same component on every render (a module's export), so nothing under it ever remounts.
    return createElement(pick(useLaterPart(part)), props);
  }
  function Later(props: P) {
    return (
      <Suspense fallback={null}>
        <Arrived {...props} />
      </Suspense>
    );
  }
  return Later;
}

/** Fetches `parts` once the page is idle (at the latest after `timeoutMs`), one after the other. */
export function loadWhenIdle(parts: readonly LaterPart<unknown>[], timeoutMs = 2000): void {
  const run = async (): Promise<void> => {
    for (const part of parts) await part.load();
  };
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => void run(), { timeout: timeoutMs });
  else setTimeout(() => void run(), 0);
}
