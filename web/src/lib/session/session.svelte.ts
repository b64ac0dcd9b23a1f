import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { rememberedUser } from './local-session.ts';

/** Who is signed in on this device (app-wide UI state). */
class Session {
  user = $state<SessionUser | null>(typeof localStorage === 'undefined' ? null : rememberedUser());
}

export const session = new Session();
