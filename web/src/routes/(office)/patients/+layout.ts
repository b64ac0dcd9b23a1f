import { redirect } from '@sveltejs/kit';
import { canRead } from '@clinicdesk/shared/auth/permissions.ts';
import { homePath } from '#lib/navigation.ts';

/** Patient pages only for roles that may read patients (the server refuses the data anyway). */
export async function load({ parent }) {
  const { workspace } = await parent();
  if (!canRead(workspace.user.role, 'patients')) redirect(307, homePath(workspace.user.role));
}
