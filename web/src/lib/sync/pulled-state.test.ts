import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom, toArray, take } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { confirmations, confirmedCopies, reannounce } from './pulled-state.ts';

type Note = { id: string; text: string };

const SCHEMA = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, text: { type: 'string' } },
  required: ['id', 'text'],
} as const;

const SERVER: (Note & { _deleted: boolean })[] = [
  { id: 'a', text: 'from the server', _deleted: false },
  { id: 'b', text: 'also from the server', _deleted: false },
];

let db: RxDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

/** A collection replicating from a "server" that holds two notes (sent once `served`). */
async function replicating(served: Promise<void> = Promise.resolve()) {
  db = await createRxDatabase({
    name: `pulled-${crypto.randomUUID().slice(0, 8)}`,
    storage: getRxStorageMemory(),
  });
  const { notes } = await db.addCollections({ notes: { schema: SCHEMA } });
  const collection = notes as RxCollection<Note>;
  const pushed: unknown[] = [];
  const replication = replicateRxCollection<Note, number>({
    replicationIdentifier: 'pulled-state-test',
    collection,
    live: true,
    pull: {
      handler: async (checkpoint) => {
        await served;
        return checkpoint ? { documents: [], checkpoint } : { documents: SERVER, checkpoint: 1 };
      },
    },
    push: {
      handler: (rows) => {
        pushed.push(...rows.map((row) => row.newDocumentState));
        return Promise.resolve([]);
      },
    },
  });
  return { collection, replication, pushed };
}

describe('pulled states noted as the server’s', () => {
  it('says which pushes are only pulled copies, once RxDB has noted the pull', async () => {
    const { collection, replication } = await replicating();
    await replication.awaitInitialReplication();
    await (await collection.findOne('b').exec())?.incrementalPatch({ text: 'changed' });
    const copies = await confirmedCopies(replication, [
      { id: 'a', state: { id: 'a', text: 'from the server', _deleted: false } },
      // Changed on the device since the pull: a real change, to push.
      { id: 'b', state: { id: 'b', text: 'changed', _deleted: false } },
      // Made on the device: never pulled.
      { id: 'c', state: { id: 'c', text: 'typed at the desk', _deleted: false } },
    ]);
    expect([...copies]).toEqual(['a']);
  });

  it('tells which records it has just noted as the server’s', async () => {
    let serve = () => undefined as void;
    const served = new Promise<void>((resolve) => (serve = resolve));
    const { replication } = await replicating(served);
    await replication.startPromise;
    const noted = firstValueFrom(confirmations(replication).pipe(take(1), toArray()));
    serve();
    await replication.awaitInitialReplication();
    expect((await noted).flat().sort()).toEqual(['a', 'b']);
  });

  it('hands a record to the upstream again unchanged: nothing goes up for one the server holds', async () => {
    const { collection, replication, pushed } = await replicating();
    await replication.awaitInitialReplication();
    expect(await reannounce(collection, ['a'])).toBe(1);
    await replication.awaitInSync();
    expect(pushed).toEqual([]);
    expect((await collection.findOne('a').exec())?.text).toBe('from the server');
  });
});
