import { redirect } from '@sveltejs/kit';
import { canUse } from '@clinicdesk/shared/auth/permissions.ts';

/**
 * Retention, legal holds and the disposition review are the office manager's, the records
 * custodian (`filing.disposition`); the server refuses everyone else's rules, holds and
 * destructions whatever this page shows.
 */
export async function load({ parent }) {
  const { workspace } = await parent();
  if (!canUse(workspace.user.role, 'filing.disposition')) redirect(307, '/filing');
}
