import type { Reader, RecordScope, ScopeContext } from '@clinicdesk/shared/registry/partition.ts';
import { recordScopeOf } from '@clinicdesk/shared/registry/partitions.ts';
import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { Store } from '../storage/store.ts';
import type { SentAs } from '../storage/write-rule.ts';

/**
 * Record scopes on the server (ADR 15): where a partition's readers may not all read every
 * record (filing's restricted categories), what each person's device is sent and may touch.
 * The rule itself is the partition's, in `shared/`; this reads what it needs from the store.
 */
export type RecordScopes = {
  /** The context a scope decides by (the partition's categories), with pushed ones laid over. */
  context(collection: CollectionName, pushed?: readonly WireDocument[]): Promise<ScopeContext>;
  /**
   * A pull page as this reader may receive it: a record out of their scope becomes its
   * withdrawal (`withdrawal`), in its place, so the page's seqs and checkpoint are unchanged.
   */
  pullPage(reader: Reader, collection: CollectionName, documentsJson: string[]): Promise<string[]>;
  /**
   * What the reader's device was sent of a stored record, where not the record itself (its
   * withdrawal, out of their scope); undefined for a partition without a scope.
   */
  sentAs(reader: Reader, collection: CollectionName): Promise<SentAs | undefined>;
  /** Whether the reader may read this stored record. */
  readable(reader: Reader, collection: CollectionName, doc: WireDocument): Promise<boolean>;
  /** Whether some record of the collection that refers to the file is in the reader's scope. */
  fileReadable(reader: Reader, collection: CollectionName, sha256: string): Promise<boolean>;
};

export function createRecordScopes(store: Store): RecordScopes {
  async function context(
    collection: CollectionName,
    pushed: readonly WireDocument[] = [],
  ): Promise<ScopeContext> {
    const scope = recordScopeOf(collection);
    if (!scope) return new Map();
    const byId = new Map<string, WireDocument>();
    for (const doc of await store.currentOfKinds(collection, scope.context)) byId.set(doc.id, doc);
    // A category made in the same push as the documents filed in it (the office manager,
    // offline) decides for them as it will once stored.
    for (const doc of pushed)
      if (typeof doc.kind === 'string' && scope.context.includes(doc.kind)) byId.set(doc.id, doc);
    return byId;
  }

  return {
    context,
    async pullPage(reader, collection, documentsJson) {
      const scope = recordScopeOf(collection);
      if (!scope || documentsJson.length === 0) return documentsJson;
      const known = await context(collection);
      return documentsJson.map((json) => {
        const doc = JSON.parse(json) as WireDocument;
        return scope.inScope(reader, doc, known) ? json : JSON.stringify(withdrawal(doc));
      });
    },
    async sentAs(reader, collection) {
      const scope = recordScopeOf(collection);
      if (!scope) return undefined;
      const known = await context(collection);
      return (stored) => (scope.inScope(reader, stored, known) ? null : withdrawal(stored));
    },
    async readable(reader, collection, doc) {
      const scope: RecordScope | undefined = recordScopeOf(collection);
      return !scope || scope.inScope(reader, doc, await context(collection));
    },
    async fileReadable(reader, collection, sha256) {
      const scope = recordScopeOf(collection);
      if (!scope) return true;
      const referring = await store.referencingDocuments(sha256, collection);
      if (referring.length === 0) return false;
      const known = await context(collection);
      return referring.some((doc) => scope.inScope(reader, doc, known));
    },
  };
}

/**
 * What a device is sent in place of a record that is not (or no longer) in its user's scope:
 * a tombstone that names only the record, so a device that holds it drops its content, and one
 * that never had it learns nothing but that some record exists.
 */
export function withdrawal(doc: WireDocument): WireDocument {
  return {
    id: doc.id,
    kind: doc.kind,
    _deleted: true,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
