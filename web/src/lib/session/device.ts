import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';

const DEVICE_KEY = 'clinicdesk.device-id';

/** A fresh time-ordered id from the browser's clock and CSPRNG. */
export function newId(): string {
  return uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));
}

/**
 * This browser's device id: made once, kept for good. The server records it as the writer of
 * every change, so staff can see which tablet a change came from.
 */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = newId();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}
