import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';

/** "Something was committed in this collection, up to this seq." Devices then pull. */
export type ChangeNotice = { collection: CollectionName; seq: number };

/**
 * Tells open streams that a push committed. In-process for one server; a PostgreSQL deployment
 * with several instances swaps in a LISTEN/NOTIFY bus with the same two methods.
 */
export type ChangeBus = {
  /** Call only after the writing transaction has committed, so a device's pull sees the write. */
  publish(notice: ChangeNotice): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (notice: ChangeNotice) => void): () => void;
};

export function createInProcessChangeBus(onListenerError: (error: unknown) => void): ChangeBus {
  const listeners = new Set<(notice: ChangeNotice) => void>();
  return {
    publish(notice) {
      for (const listener of listeners) {
        // One broken stream must not keep the others from hearing about the change.
        try {
          listener(notice);
        } catch (error) {
          onListenerError(error);
        }
      }
      return Promise.resolve();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
