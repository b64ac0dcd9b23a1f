import { isApiError, type ApiErrorCode } from '@clinicdesk/shared/sync/protocol.ts';

/**
 * The outcome of a call to the server. `network` means the server could not be reached (or
 * answered with a gateway error): the device is offline as far as the user is concerned.
 */
export type ApiFailure =
  | { ok: false; kind: 'network'; message: string }
  | { ok: false; kind: 'api'; status: number; code: ApiErrorCode; message: string };
export type ApiOutcome<T> = { ok: true; value: T } | ApiFailure;

const UNREACHABLE: ApiFailure = {
  ok: false,
  kind: 'network',
  message: 'The server cannot be reached',
};

export async function requestJson<T>(
  path: string,
  init: RequestInit = {},
  fetchImpl: typeof fetch = fetch,
): Promise<ApiOutcome<T>> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      ...init,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch {
    return UNREACHABLE;
  }
  if (!response.ok) return failureOf(response);
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    // A cut-off body is a broken link, not a server verdict.
    return UNREACHABLE;
  }
}

/** Maps an error response to what the app shows; gateway errors mean "offline". */
export async function failureOf(response: Response): Promise<ApiFailure> {
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
