// Worker loops: up to `concurrency` items in flight, claimed in batches, leases kept alive by a heartbeat.
// A worker that finishes an item and is handed its run's next call carries on without queueing.
import type { JobQueueItem } from "@/db/schema/jobs";

export interface WorkerPoolOptions {
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  claim(limit: number): Promise<JobQueueItem[]>;
  process(item: JobQueueItem): Promise<JobQueueItem | null>;
  heartbeat(ids: string[]): Promise<void>;
  release(item: JobQueueItem): Promise<void>;
  onError(error: unknown, item?: JobQueueItem): void;
}

export class WorkerPool {
  private running = false;
  private readonly inFlight = new Map<number, string>();
  private slotSeq = 0;
  private wake: (() => void) | null = null;
  private pokeRequested = false;
  private loopDone: Promise<void> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private readonly settled = new Set<Promise<void>>();

  constructor(private readonly o: WorkerPoolOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.heartbeatTimer = setInterval(() => {
      const ids = [...this.inFlight.values()];
      if (ids.length) this.o.heartbeat(ids).catch((e) => this.o.onError(e));
    }, Math.max(100, Math.floor(this.o.leaseMs / 3)));
    this.heartbeatTimer.unref?.();
    this.loopDone = this.loop();
  }

  /** New work may be due: claim now instead of at the next poll. */
  poke(): void {
    this.pokeRequested = true;
    this.wake?.();
  }

  get busy(): number {
    return this.inFlight.size;
  }

  /** Stops claiming, lets in-flight items finish (their continuations are handed back to the queue). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loopDone;
    await Promise.allSettled([...this.settled]);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.pokeRequested = false;
      const free = this.o.concurrency - this.inFlight.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const items = await this.o.claim(free);
          claimed = items.length;
          for (const item of items) this.launch(item);
        } catch (error) {
          this.o.onError(error);
        }
      }
      if (!this.running) break;
      if (claimed > 0 && claimed === free) continue;
      if (this.pokeRequested) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.o.pollMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = null;
    }
  }

  private launch(first: JobQueueItem): void {
    const slot = ++this.slotSeq;
    const work = (async () => {
      let item: JobQueueItem | null = first;
      while (item) {
        const current: JobQueueItem = item;
        this.inFlight.set(slot, current.id);
        try {
          const next: JobQueueItem | null = await this.o.process(current);
          if (next && !this.running) {
            await this.o.release(next).catch((e) => this.o.onError(e, next));
            break;
          }
          item = next;
        } catch (error) {
          if ((error as Error)?.name !== "LeaseLost") {
            this.o.onError(error, current);
            await this.o.release(current).catch(() => {});
          }
          item = null;
        }
      }
      this.inFlight.delete(slot);
      this.poke();
    })();
    this.settled.add(work);
    void work.finally(() => this.settled.delete(work));
  }
}
