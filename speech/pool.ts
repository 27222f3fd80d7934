/** Runs async jobs with at most `size` at a time (each job spawns its own child processes). */
export async function runPool<T>(items: readonly T[], size: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await job(item);
    }
  };
  const workers = Number.isFinite(size) ? Math.max(1, Math.min(size, items.length)) : 1;
  await Promise.all(Array.from({ length: workers }, worker));
}
