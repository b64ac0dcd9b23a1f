import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';
import { today } from '../../clock.ts';
import {
  type BinderDatabase,
  type BinderVersion,
  binderVersionOn,
  openBinderDatabase,
  readBinder,
  type StoredBinder,
} from './binder-db.ts';

export type BinderEntry = {
  policyId: string;
  number: string;
  title: string;
  legalReferences: string[];
  version: BinderVersion;
};

export type BinderSection = {
  manualId: string;
  title: string;
  description?: string;
  entries: BinderEntry[];
};

/**
 * The downtime binder as this device holds it, for anyone at the sign-in screen: read from the
 * device's own copy (no account, no network), live while the page is open (a sync in another tab
 * rewrites it), each policy at the version in force today.
 */
export class DowntimeBinder {
  readonly day = today();
  #stored: StoredBinder | undefined = undefined;
  readonly #subscribe;

  constructor(db: BinderDatabase = openBinderDatabase()) {
    this.#subscribe = createSubscriber((update) => {
      const subscription = liveQuery(() => readBinder(db)).subscribe({
        next: (stored) => {
          this.#stored = stored;
          update();
        },
        error: (error: unknown) => {
          console.error('ClinicDesk could not read the downtime binder', error);
          this.#stored = { manuals: [], writtenAt: null };
          update();
        },
      });
      return () => subscription.unsubscribe();
    });
  }

  /** False until the device has answered. */
  get loaded(): boolean {
    this.#subscribe();
    return this.#stored !== undefined;
  }

  /** When a signed-in device last copied the binder here (ISO), or null if it never did. */
  get writtenAt(): string | null {
    this.#subscribe();
    return this.#stored?.writtenAt ?? null;
  }

  get sections(): BinderSection[] {
    this.#subscribe();
    return (this.#stored?.manuals ?? [])
      .map((manual) => ({
        manualId: manual.manualId,
        title: manual.title,
        ...(manual.description ? { description: manual.description } : {}),
        entries: manual.policies.flatMap((policy) => {
          const version = binderVersionOn(policy, this.day);
          return version
            ? [
                {
                  policyId: policy.policyId,
                  number: policy.number,
                  title: policy.title,
                  legalReferences: policy.legalReferences,
                  version,
                },
              ]
            : [];
        }),
      }))
      .filter((section) => section.entries.length > 0);
  }
}
