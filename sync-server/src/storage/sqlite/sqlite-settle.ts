/**
 * A synchronous call as a promise: its result resolves it, its exception rejects it. node:sqlite
 * is synchronous; the Store contract is async so PostgreSQL can implement it too.
 */
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
