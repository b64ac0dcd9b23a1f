import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one READ COMMITTED transaction on one pooled connection, committing when it
 * resolves and rolling back when it throws.
 *
 * There is no retry loop on purpose: nothing here can fail with a serialization error (40001),
 * since READ COMMITTED never raises one, and pushes cannot deadlock (40P01) because every
 * writing transaction takes the seq_counter row lock before any document lock (see
 * postgres-documents.ts). A transaction that needs SERIALIZABLE or takes locks in another order
 * must add retries first.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // A connection that cannot even roll back is not given to the next caller.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
