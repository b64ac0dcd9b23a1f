import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { untrack } from 'svelte';
import type { LocalDatabase } from '../db/local-db.ts';
import { deviceId } from '../session/device.ts';
import { getBlobUrl } from './blob-store.ts';
import { retryDelay } from '../sync/outbox.ts';

export type BlobImageState = 'none' | 'loading' | 'shown' | 'waiting';

/**
 * A stored file (a patient's photo, say) as a URL an `<img>` can show, for as long as the
 * component that made it lives. It comes from this device when it is here, else from the
 * server; when it is not there yet (the device that took it has not uploaded it, or this one is
 * offline) it is tried again with backoff and as soon as the network returns. Object URLs are
 * revoked when the file changes or the component goes, so a long day at the desk leaks nothing.
 * Create it while a component initialises.
 */
export class BlobImage {
  url = $state<string | null>(null);
  state = $state<BlobImageState>('none');
  /** Why the file is not shown yet, in words for staff. */
  problem = $state<string | null>(null);

  readonly #ref: () => BlobRef | undefined;
  /** Only a different file reloads; an edit to another field of the record does not. */
  readonly #address = $derived.by(() => this.#ref()?.sha256);

  /** `local` and `ref` are read when the file changes, so they may follow the page's props. */
  constructor(local: () => LocalDatabase, ref: () => BlobRef | undefined) {
    this.#ref = ref;
    $effect(() => {
      const address = this.#address;
      const wanted = untrack(() => this.#ref());
      if (!address || !wanted) {
        this.state = 'none';
        return;
      }
      return this.#show(untrack(local), wanted);
    });
  }

  /** Loads the file and keeps trying until it is shown; returns the cleanup. */
  #show(local: LocalDatabase, ref: BlobRef): () => void {
    let url: string | null = null;
    let ended = false;
    let attempts = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const load = async () => {
      clearTimeout(retry);
      const result = await getBlobUrl(local, ref, deviceId());
      if (ended) {
        if (result.ok) URL.revokeObjectURL(result.value);
        return;
      }
      if (result.ok) {
        url = result.value;
        this.url = url;
        this.state = 'shown';
        this.problem = null;
        return;
      }
      this.state = 'waiting';
      this.problem = result.error.message;
      attempts++;
      retry = setTimeout(() => void tryLoad(), retryDelay(attempts, Math.random()));
    };
    const tryLoad = () =>
      load().catch((error: unknown) => {
        console.error('ClinicDesk could not show a stored file', error);
        if (!ended) {
          this.state = 'waiting';
          this.problem = 'The file could not be read on this device';
        }
      });
    const onOnline = () => {
      if (this.state === 'waiting') void tryLoad();
    };

    this.url = null;
    this.state = 'loading';
    this.problem = null;
    window.addEventListener('online', onOnline);
    void tryLoad();

    return () => {
      ended = true;
      clearTimeout(retry);
      window.removeEventListener('online', onOnline);
      if (url) URL.revokeObjectURL(url);
      this.url = null;
    };
  }
}
