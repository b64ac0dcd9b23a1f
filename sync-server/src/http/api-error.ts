import type { Context } from 'hono';
import type { ApiError, ApiErrorCode } from '@clinicdesk/shared/sync/protocol.ts';

/** The one table from API error codes to HTTP statuses. */
export const API_ERROR_STATUS = {
  unauthenticated: 401,
  'account-deactivated': 401,
  'second-factor-required': 401,
  'invalid-credentials': 401,
  'wrong-code': 401,
  'code-already-used': 401,
  'sign-in-expired': 401,
  'session-on-another-device': 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-collection': 404,
  'invalid-request': 400,
  'invalid-json': 400,
  'nesting-too-deep': 400,
  'invalid-text': 400,
  'payload-too-large': 413,
  'update-required': 426,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'legal-hold': 409,
  'not-due': 409,
  internal: 500,
} as const satisfies Record<ApiErrorCode, number>;

/** What staff read when a request fails for a reason they did not cause or cannot fix alone. */
export const API_ERROR_MESSAGES = {
  unauthenticated: 'Sign in to continue',
  'account-deactivated':
    'This account has been deactivated, so it was signed out and its data removed from this device. Ask your administrator if this is a mistake.',
  'second-factor-required':
    'Your role now needs two-factor sign-in. Sign in again to set it up; your data stays on this device.',
  'invalid-credentials': 'That username and password do not match',
  'wrong-code':
    'That code is not right. Enter the 6-digit code your authenticator app shows now (check that the phone’s clock is set automatically).',
  'code-already-used':
    'That code has already been used. Wait for the next code in your authenticator app and enter it.',
  'sign-in-expired': 'This sign-in has timed out. Enter your username and password again.',
  'session-on-another-device':
    'This sign-in belongs to another device. Sign in again here; your unsynced changes stay on this device.',
  forbidden: 'Your role does not allow this',
  'not-found': 'Not found',
  'unknown-collection': 'There is no such collection',
  'invalid-request': 'The request was not understood',
  'invalid-json': 'The body is not valid JSON in UTF-8',
  'nesting-too-deep': 'The body is nested too deeply',
  'invalid-text':
    'The text holds a broken, control or hidden character (or is not in Unicode normal form C)',
  'payload-too-large': 'The request is too large',
  'update-required':
    'This version of ClinicDesk is out of date. Reload to update; your unsynced changes stay on this device.',
  'unsupported-media-type': 'Send JSON (Content-Type: application/json)',
  'rate-limited': 'Too many attempts; wait a minute and try again',
  'legal-hold': 'A legal hold applies to this record: it is kept until the hold is released',
  'not-due': 'This record is still within its retention period',
  internal: 'Something went wrong on the server',
} as const satisfies Record<ApiErrorCode, string>;

/** An error response `{ error: { code, message } }` with the status its code maps to. */
export function apiError<C extends ApiErrorCode>(c: Context, code: C, message?: string) {
  const body = { error: { code, message: message ?? API_ERROR_MESSAGES[code] } };
  return c.json(body satisfies ApiError, API_ERROR_STATUS[code]);
}
