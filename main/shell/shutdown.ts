/**
 * A clean quit: the first quit request is held while `stop` runs (polls stopped, state flushed),
 * bounded by a timeout so a hung flush cannot keep the app alive, then the quit is asked for again
 * and goes through. Requests while stopping are held too.
 */
export class ShutdownSequence {
  private phase: 'running' | 'stopping' | 'stopped' = 'running';

  /**
   * @param stop Stops the engine and flushes state.
   * @param wait Resolves after `ms` (setTimeout in the app, instantly in tests).
   * @param onError Told when `stop` failed or timed out; the app quits anyway.
   */
  constructor(
    private readonly stop: () => Promise<void>,
    private readonly wait: (ms: number) => Promise<void>,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly timeoutMs = 5000,
  ) {}

  /**
   * Called for each quit request (Electron's before-quit). Returns true when the quit must be held
   * (the caller calls preventDefault); `quit` is called once stopping is over.
   */
  request(quit: () => void): boolean {
    if (this.phase === 'stopped') return false;
    if (this.phase === 'stopping') return true;
    this.phase = 'stopping';
    void this.run().finally(() => {
      this.phase = 'stopped';
      quit();
    });
    return true;
  }

  get stopping(): boolean {
    return this.phase === 'stopping';
  }

  private async run(): Promise<void> {
    const timeout = this.wait(this.timeoutMs).then(() => {
      throw new Error(`Stopping took longer than ${this.timeoutMs} ms; quitting anyway.`);
    });
    try {
      await Promise.race([this.stop(), timeout]);
    } catch (error) {
      this.onError(error);
    }
  }
}
