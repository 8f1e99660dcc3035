/**
 * Every job the system queues: its name and the payload it carries. Each feature adds its own jobs
 * to this map by declaration merging in its `<module>.jobs.ts`, and registers their names with the
 * queue through its @FeatureModule. Producers and handlers both type against this map, so a payload
 * can only be sent to the handler that expects it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the features fill it by declaration merging
export interface JobPayloads {}

export type JobName = keyof JobPayloads;

/** A feature's job names, checked against the payloads it declared. */
export function jobNames<const N extends JobName>(...names: N[]): readonly N[] {
  return names;
}

export interface EnqueueOptions {
  /** Deterministic: the same work always gets the same id, so enqueueing twice runs it once. */
  jobId: string;
  delayMs?: number;
}
