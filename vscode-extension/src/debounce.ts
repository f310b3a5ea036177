// A trailing-edge debounce. No `vscode` import: unit-tested under plain Node.

export interface Debounced {
  /** (Re)starts the wait; the action runs once, `ms` after the last trigger. */
  trigger(): void;
  cancel(): void;
  readonly pending: boolean;
}

export function debounce(action: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    trigger() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        action();
      }, ms);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
