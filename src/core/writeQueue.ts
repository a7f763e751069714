/** One task at a time per file, in the order asked; a failed task does not block the next one. */
export class WriteQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(file: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(file) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(file, tail);
    // The map holds only files with work in flight.
    void tail.then(() => {
      if (this.tails.get(file) === tail) this.tails.delete(file);
    });
    return result;
  }
}
