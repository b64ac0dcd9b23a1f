import { redirect } from '@sveltejs/kit';
import { canRead } from '@clinicdesk/shared/auth/permissions.ts';

/**
 * Release of information for the roles that read the release log (the desk, billing, the
 * office manager); the server never sends its records to anyone else whatever this shows.
 */
export async function load({ parent }) {
  const { workspace } = await parent();
  if (!canRead(workspace.user.role, 'disclosures')) redirect(307, '/filing');
}
