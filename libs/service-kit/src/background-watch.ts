/**
 * A loop a service runs in the background after boot (a demo loader waiting for the data it builds on, say): `start`
 * runs the body without holding the boot up, `pause` waits between looks, and `stop` — from `onModuleDestroy` — asks
 * the body to end, cuts the pause short and waits for the body, so a service shuts down after the loop, not under it.
 * The body checks `stopping` between steps; an error ends the loop and goes to `onError`.
 */
export class BackgroundWatch {
  private stopRequested = false;
  private wake?: () => void;
  private running?: Promise<void>;

  /** Whether `stop` was asked: the body ends at its next check. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  /** Whether the body is still running. */
  get active(): boolean {
    return this.running !== undefined;
  }

  /** Whether to look again: not stopping, and (when given) before `deadline` (epoch ms). */
  goesOn(deadline = Infinity): boolean {
    return !this.stopRequested && Date.now() < deadline;
  }

  /** Starts `body`; the answer settles when it has ended (never rejects). */
  start(body: () => Promise<void>, onError: (error: Error) => void): Promise<void> {
    const running = body()
      .catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => (this.running = undefined));
    this.running = running;
    return running;
  }

  /** Waits `ms`, or less when `stop` is asked meanwhile. */
  pause(ms: number): Promise<void> {
    if (this.stopRequested) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    this.wake?.();
    await this.running;
  }
}
