import { isApiError, type ApiErrorCode } from '@clinicdesk/shared/sync/protocol.ts';
import type { ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';

/**
 * The outcome of a call to the server. `network` means the server could not be reached (or
 * answered with a gateway error): the device is offline as far as the user is concerned.
 */
export type ApiFailure =
  | { ok: false; kind: 'network'; message: string }
  | { ok: false; kind: 'api'; status: number; code: ApiErrorCode; message: string };
export type ApiOutcome<T> = { ok: true; value: T } | ApiFailure;

/** A response as the typed client gives it: its body's type for each status the route sends. */
type AnyClientResponse = ClientResponse<unknown, number, 'json' | 'text' | 'body' | 'redirect'>;

/** The JSON body a route answers with when it succeeds (its 2xx answers). */
export type SuccessBody<R> =
  R extends ClientResponse<infer T, infer Status, infer Format>
    ? Status extends SuccessStatusCode
      ? Format extends 'json'
        ? T
        : never
      : never
    : never;

const UNREACHABLE: ApiFailure = {
  ok: false,
  kind: 'network',
  message: 'The server cannot be reached',
};

/**
 * Sends one request of the typed client (`api.….$post(…)`, client.ts) and reads its JSON answer.
 * Never throws: a request that cannot be sent or whose answer is cut off is `network`, an error
 * answer is `api` with the server's code. Replication relies on this: every push it starts is
 * finished once, whatever happened to it (replication.ts).
 */
export async function requestJson<R extends AnyClientResponse>(
  send: () => Promise<R>,
): Promise<ApiOutcome<SuccessBody<R>>> {
  let response: R;
  try {
    response = await send();
  } catch {
    return UNREACHABLE;
  }
  if (!response.ok) return failureOf(response);
  try {
    return { ok: true, value: (await response.json()) as SuccessBody<R> };
  } catch {
    // A cut-off body is a broken link, not a server verdict.
    return UNREACHABLE;
  }
}

/** Maps an error response to what the app shows; gateway errors mean "offline". */
export async function failureOf(response: {
  status: number;
  json(): Promise<unknown>;
}): Promise<ApiFailure> {
  if (response.status >= 502 && response.status <= 504) return UNREACHABLE;
  const body: unknown = await response.json().catch(() => undefined);
  if (isApiError(body)) return { ok: false, kind: 'api', status: response.status, ...body.error };
  return {
    ok: false,
    kind: 'api',
    status: response.status,
    code: 'internal',
    message: `The server answered ${response.status}`,
  };
}

/** Thrown by sync handlers so that RxDB retries; carries what the sync status needs to show. */
export class SyncRequestError extends Error {
  readonly failure: ApiFailure;
  constructor(failure: ApiFailure) {
    super(failure.message);
    this.name = 'SyncRequestError';
    this.failure = failure;
  }
}
