import { createMiddleware } from 'hono/factory';
import { jsonTextFault } from '@clinicdesk/shared/text/well-formed-text.ts';
import { apiError } from '../http/api-error.ts';

/**
 * Every query parameter of an API request meets the rule for all text (shared
 * `well-formed-text.ts`) before any route reads it, as bodies do in `requireJson`: a filter is
 * compared with stored text, and PostgreSQL fails on a NUL in a query instead of finding nothing.
 */
export const wellFormedQuery = createMiddleware(async (c, next) => {
  // Decomposed accents pass: a filter is normalised where it is compared (audit.routes.ts).
  const fault = jsonTextFault(c.req.queries(), { decomposed: 'allowed' });
  if (fault) return apiError(c, 'invalid-text', fault.message.replace('The text', 'The query'));
  await next();
});
