/** Drops what the global setup made (see global-setup.ts). */
export default async function dropTemplate(): Promise<void> {
  await (globalThis as { dropTestTemplate?: () => Promise<void> }).dropTestTemplate?.();
}
