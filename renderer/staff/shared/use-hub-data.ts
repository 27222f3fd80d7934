/**
 * Loads something from the hub for a page, with its loading and failure states, and a way to
 * load it again after a change. A refused session goes back to sign-in.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../hub-api/failure-text.js';
import type { HubResult } from '../hub-api/request.js';

/** Where a load stands. */
export type Loaded<T> = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; value: T };

/** Runs `load` now and whenever `reload` is called; `onSessionEnded` on a 401. */
export function useHubData<T>(load: () => Promise<HubResult<T>>, onSessionEnded: (message: string) => void): [Loaded<T>, () => void] {
  const { t } = useTranslation();
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (!current) return;
      if (result.ok) return setState({ kind: 'loaded', value: result.value });
      const text = failureText(result.failure, t);
      if (text.sessionEnded) return onSessionEnded(text.message);
      setState({ kind: 'failed', message: text.message });
    });
    return () => {
      current = false;
    };
    // `load` is rebuilt by each render of the page; `attempt` is what asks for a new load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return [state, reload];
}
