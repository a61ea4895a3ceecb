/**
 * A tiny observable store, the shape of Starlight's theme-designer store: one immutable state
 * object that is replaced (never mutated) by `set`, and subscribers told of every change.
 *
 * State: `T`, owned by one widget instance. Lifecycle: created in the widget's
 * `connectedCallback`, its subscriptions dropped in `disconnectedCallback`. Views only read the
 * state and write it back through `set`; the pure logic modules compute the next state.
 */
export interface Store<T> {
  /** The current state. */
  get(): T;
  /** Replace the state, or derive the next one from the current; notifies when it changed. */
  set(next: T | ((state: T) => T)): void;
  /** Call `listener(state, previous)` on every change; returns the unsubscribe function. */
  subscribe(listener: (state: T, previous: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(state: T, previous: T) => void>();
  return {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? (next as (s: T) => T)(state) : next;
      if (Object.is(value, state)) return;
      const previous = state;
      state = value;
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
