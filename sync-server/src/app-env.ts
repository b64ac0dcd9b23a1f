import type { AuthenticatedSession } from './services/auth.service.ts';

/** What middleware puts on the Hono context for the handlers after it. */
export type AppEnv = {
  Variables: {
    /** Set by `requireSession`. */
    session: AuthenticatedSession;
    /** Set by `requireSession`: the one device the session is bound to (syncClient checks it). */
    deviceId: string;
  };
};
