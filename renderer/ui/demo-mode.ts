/**
 * Whether the hub runs in demo mode, read from its public `/health`. Every screen labels itself
 * DEMO then, so nobody mistakes the demo accounts for a real service.
 */
import { z } from 'zod';

const healthSchema = z.object({ demo: z.boolean() });

/** True when the hub says it is in demo mode; false when it is not, or cannot be reached. */
export async function fetchDemoMode(): Promise<boolean> {
  try {
    const response = await fetch('/health', { cache: 'no-store' });
    const parsed = healthSchema.safeParse(await response.json());
    return parsed.success && parsed.data.demo;
  } catch {
    return false;
  }
}

/** Adds the DEMO label at the top of a page that is not built with React. */
export function showDemoLabel(container: HTMLElement): void {
  const label = document.createElement('p');
  label.className = 'demo-label';
  label.textContent = 'DEMO';
  container.prepend(label);
}
