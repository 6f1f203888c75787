/**
 * Runs async work one piece at a time, in the order asked. The engine's state changes only
 * inside it, so a batch, a catch-up and a checkpoint never interleave at an await.
 */
export class SerialQueue {
  private last: Promise<unknown> = Promise.resolve()

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.last.then(work, work)
    // The queue goes on after a failure; the failure is the caller's.
    this.last = next.catch(() => undefined)
    return next
  }
}
