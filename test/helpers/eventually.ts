import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until the check passes or the time is up; then fails with the check's last error. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 10_000, intervalMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}
