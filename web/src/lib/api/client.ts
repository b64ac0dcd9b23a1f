import type { AppType } from '@clinicdesk/sync-server/app.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import { hc } from 'hono/client';

/**
 * The server's API as the web calls it: Hono's `hc` over the server's own route types
 * (`AppType`, imported as a type only, so no server code reaches the bundle). A path, a method
 * or a path parameter the server does not have, or an answer read as the wrong shape, is a type
 * error here instead of a 404 or a wrong field at run time.
 *
 * Every request goes to the same origin with its cookies, is never answered from a cache, and
 * asks for JSON unless the call says otherwise.
 */
export function apiClient(options: ApiClientOptions = {}) {
  return hc<AppType>(options.baseUrl ?? '', {
    // Looked up at each call, not when the client is made: a test may put its own in place.
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    headers: { accept: 'application/json' },
    init: { credentials: 'same-origin', cache: 'no-store' },
  }).api;
}

export type ApiClientOptions = {
  /** Prefix for API paths ('' in the browser, the server's URL elsewhere). */
  baseUrl?: string | undefined;
  /** The browser's fetch unless given; simulated devices in the fault suite pass their own. */
  fetch?: typeof fetch | undefined;
};

export type ApiClient = ReturnType<typeof apiClient>;

/** The browser's client: same origin, the browser's fetch. */
export const api: ApiClient = apiClient();

/**
 * What every request under `/api/sync/v1`, `/api/charts` and `/api/blobs` says about itself:
 * the sync protocol it speaks and the device it comes from.
 */
export function syncHeaders(deviceId: string): Record<string, string> {
  return { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [DEVICE_HEADER]: deviceId };
}
