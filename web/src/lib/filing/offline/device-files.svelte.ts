import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { latestFile } from '@clinicdesk/shared/filing/offline/offline-selection.ts';
import { liveQuery } from 'dexie';
import { from } from 'rxjs';
import { live } from '../../db/live.svelte.ts';
import type { LocalDatabase } from '../../db/local-db.ts';
import { type Held, heldOn } from './offline-inputs.ts';

/** Whether a document opens with the network down: its latest file is on this device. */
export type Availability = 'offline' | 'needs-network';

/**
 * Which files this device holds and which documents its person pinned, live (a download or an
 * eviction in the syncing tab shows here at once). Reads only the addresses, never the bytes.
 */
export class DeviceFiles {
  readonly #held: { readonly current: Held | undefined };

  constructor(local: LocalDatabase) {
    this.#held = live(from(liveQuery(() => heldOn(local))), undefined);
  }

  get loaded(): boolean {
    return this.#held.current !== undefined;
  }

  /** Undefined until the device has answered. */
  availability(doc: Pick<FiledDocument, 'versions'>): Availability | undefined {
    const held = this.#held.current;
    if (!held) return undefined;
    const file = latestFile(doc);
    return file && held.files.has(file.sha256) ? 'offline' : 'needs-network';
  }

  /** The documents pinned here. */
  get pinned(): string[] {
    return [...(this.#held.current?.pinned ?? [])];
  }

  isPinned(documentId: string): boolean {
    return this.#held.current?.pinned.has(documentId) ?? false;
  }
}
