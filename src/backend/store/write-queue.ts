// One write queue for the whole data folder: mutations run one at a time, in the
// order they arrive, so two quick verdicts on the same article can never
// overwrite each other with stale copies.
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // Keep the chain alive after a failure; the caller still sees the rejection.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every queued write has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
