import { redirect } from '@sveltejs/kit';
import { canUse } from '@clinicdesk/shared/auth/permissions.ts';
import { homePath } from '#lib/navigation.ts';

/** The staff page only for roles that may manage staff (the server refuses the rest). */
export async function load({ parent }) {
  const { workspace } = await parent();
  if (!canUse(workspace.user.role, 'staff.manage')) redirect(307, homePath(workspace.user.role));
}
