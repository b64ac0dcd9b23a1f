/**
 * "This person's access just changed" (a new role, deactivation, a password reset). Open live
 * streams of that person close at once, so that the device reconnects under the new rules. In
 * process; with several PostgreSQL instances the stream heartbeat re-reads the user as well, so
 * another instance's streams follow within one heartbeat.
 */
export type AccessChanges = {
  publish(userId: string): void;
  /** Returns the function that unsubscribes. */
  subscribe(userId: string, listener: () => void): () => void;
};

export function createAccessChanges(): AccessChanges {
  const listeners = new Map<string, Set<() => void>>();
  return {
    publish(userId) {
      for (const listener of [...(listeners.get(userId) ?? [])]) listener();
    },
    subscribe(userId, listener) {
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(userId);
      };
    },
  };
}
