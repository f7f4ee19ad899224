/** A vscode-free event: `event(listener)` subscribes and returns a disposable; `fire` calls every listener. */
export type Event<T> = (listener: (e: T) => void) => { dispose(): void };

export class Emitter<T> {
  private readonly listeners = new Set<(e: T) => void>();

  readonly event: Event<T> = listener => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
