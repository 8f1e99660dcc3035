import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a render thread answers: the output of one task, or why it failed; or its heap, when asked. */
export type RenderThreadReply<O> = { id: number; output: O } | { id: number; error: string } | { id: number; heapUsed: number };

/** What a render thread is sent: a task's input, or a question after its heap. */
export type RenderThreadRequest<I> = { id: number; input: I } | { id: number; heap: true };

interface Thread {
  worker: Worker;
  busy: number;
  waiting: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

/**
 * Each render thread's V8 heap: the fonts (about 20 MB parsed) and one document at a time fit with
 * room to spare, and a bound keeps V8 from letting garbage pile up to hundreds of MB per thread before
 * it collects. A thread that runs out dies; its tasks fail (their jobs are retried) and a fresh one starts.
 * The young generation is the trade: 8 MB kept a 3,000-invoice run at 374 MB RSS but 1.03 × bare rendering,
 * 32 MB at 1.26 × but 425 MB; 16 MB gave 1.13 × at 391 MB (bench/invoice-run.bench.js).
 */
const THREAD_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/**
 * A pool of worker threads that each run a pure renderer (fonts parsed once per thread), so PDFs
 * are made on every core while the main thread talks to the database. `threads` 0, or a worker
 * script that is not there (the TypeScript sources under jest have no compiled worker), renders
 * in this thread with `inThread`: the same function, so the output is the same either way.
 */
export class RenderPool<I, O> {
  /** The number of threads rendering; 0 when rendering happens on the calling thread. */
  readonly size: number;
  private readonly threads: Thread[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: URL,
    size: number,
    private readonly inThread: (input: I) => Promise<O>,
  ) {
    this.size = existsSync(fileURLToPath(script)) ? size : 0;
  }

  render(input: I): Promise<O> {
    if (this.size === 0 || this.closed) return this.inThread(input);
    const thread = this.leastBusy();
    return this.ask<O>(thread, (id) => ({ id, input }));
  }

  /** Each thread's V8 heap in use, in bytes (the process's RSS counts them all). */
  heapsUsed(): Promise<number[]> {
    return Promise.all(this.threads.map((thread) => this.ask<number>(thread, (id) => ({ id, heap: true }))));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private ask<T>(thread: Thread, request: (id: number) => RenderThreadRequest<I>): Promise<T> {
    const id = this.nextId++;
    thread.busy++;
    return new Promise<T>((resolve, reject) => {
      thread.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      thread.worker.postMessage(request(id));
    });
  }

  private leastBusy(): Thread {
    while (this.threads.length < this.size) this.threads.push(this.spawn());
    return this.threads.reduce((best, thread) => (thread.busy < best.busy ? thread : best));
  }

  private spawn(): Thread {
    const worker = new Worker(this.script, { resourceLimits: THREAD_LIMITS });
    // A pool nobody closed must not keep the process alive.
    worker.unref();
    const thread: Thread = { worker, busy: 0, waiting: new Map() };
    worker.on('message', (reply: RenderThreadReply<O>) => {
      const waiting = thread.waiting.get(reply.id);
      if (!waiting) return;
      thread.waiting.delete(reply.id);
      thread.busy--;
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve('output' in reply ? reply.output : reply.heapUsed);
    });
    // A thread that died takes its tasks with it: they fail (the job is retried) and a fresh thread takes its place.
    const fail = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index >= 0) this.threads.splice(index, 1);
      for (const waiting of thread.waiting.values()) waiting.reject(error);
      thread.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`render thread stopped (exit code ${code})`)));
    return thread;
  }
}
