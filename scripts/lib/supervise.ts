// Keeps one child alive for `npm start`: when it dies unexpectedly it is started again after a growing
// delay (logged); after `maxFastFailures` deaths in a row that each came soon after a start, it gives up
// and the caller exits non-zero as a whole, so an outer supervisor (systemd, Kubernetes) takes over.
// Never half-alive: a child that cannot be kept running ends everything.

export type Running = {
  /** Settles when the child has exited, with a short description of how. */
  exited: Promise<string>;
  stop: () => Promise<void>;
};

export type SuperviseOptions = {
  name: string;
  start: () => Promise<Running>;
  onGiveUp: (reason: string) => void;
  /** Called after each successful restart (not the first start). */
  onRestart?: () => void;
  maxFastFailures?: number;
  /** A run shorter than this counts as a fast failure. */
  fastMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  log?: (line: string) => void;
};

/** The delay before the n-th consecutive restart (n >= 1). */
export function restartDelay(n: number, baseMs: number, maxMs: number) {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(n - 1, 20)));
}

export class Supervisor {
  private current: Running | null = null;
  private stopping = false;
  private startedAt = 0;
  private fastFailures = 0;
  private sleeping: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  restarts = 0;

  constructor(private readonly opts: SuperviseOptions) {}

  /** Starts the child (a failure of this first start is thrown) and then watches it. */
  async start() {
    this.current = await this.opts.start();
    this.startedAt = Date.now();
    void this.watch();
  }

  async stop() {
    this.stopping = true;
    if (this.sleeping) {
      clearTimeout(this.sleeping.timer);
      this.sleeping.resolve();
    }
    await this.current?.stop();
  }

  private log(line: string) {
    (this.opts.log ?? console.error)(`[supervisor] ${line}`);
  }

  private async watch() {
    const { name, maxFastFailures = 5, fastMs = 30_000, baseDelayMs = 500, maxDelayMs = 10_000 } = this.opts;
    for (;;) {
      const how = await this.current!.exited;
      if (this.stopping) return;
      const lived = Date.now() - this.startedAt;
      this.fastFailures = lived < fastMs ? this.fastFailures + 1 : 1;
      if (this.fastFailures >= maxFastFailures) {
        const reason = `${name} ${how}; ${this.fastFailures} failures in a row, each within ${fastMs / 1000} s of starting: giving up`;
        this.log(reason);
        return this.opts.onGiveUp(reason);
      }
      const delay = restartDelay(this.fastFailures, baseDelayMs, maxDelayMs);
      this.log(`${name} ${how} after ${(lived / 1000).toFixed(1)} s; restarting in ${delay} ms (failure ${this.fastFailures} of ${maxFastFailures})`);
      await new Promise<void>((resolve) => {
        this.sleeping = { timer: setTimeout(resolve, delay), resolve };
      });
      this.sleeping = null;
      if (this.stopping) return;
      try {
        this.current = await this.opts.start();
        this.startedAt = Date.now();
        this.restarts++;
        this.log(`${name} restarted`);
        this.opts.onRestart?.();
      } catch (error) {
        // A failed start is one more fast failure: the loop sees it exit at once.
        this.startedAt = Date.now();
        this.current = { exited: Promise.resolve(`failed to start (${(error as Error).message})`), stop: async () => {} };
      }
    }
  }
}
