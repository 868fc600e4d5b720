/**
 * The SQLite connection's queue: kysely's queries (connect.ts) and the batched reads (read-batch.ts) take their turns
 * on it. A file of its own so that neither of those two imports the other.
 */
/** A mutex that hands the lock to the longest waiter. */
export class FifoMutex {
  #locked = false;
  readonly #waiters: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  unlock(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}
