export interface PeriodicTaskHandlers<T> {
  /** After each run that succeeded, with what it returned (a count to log, usually). */
  onDone(result: T): void;
  /** After a run that failed; the next tick tries again. */
  onFailure(error: Error): void;
}

/**
 * A background job's timer: runs `work` every `everyMs`, never two runs at once (a tick that finds the previous run
 * still going does nothing), and `stop()` clears the timer and waits for the run in flight, so a service shuts down
 * after its job, not under it. The timer does not keep the process alive.
 */
export class PeriodicTask<T> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T>;

  constructor(
    private readonly work: () => Promise<T>,
    private readonly handlers: PeriodicTaskHandlers<T>,
  ) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.work();
    try {
      this.handlers.onDone(await this.running);
    } catch (error) {
      this.handlers.onFailure(error as Error);
    } finally {
      this.running = undefined;
    }
  }
}
