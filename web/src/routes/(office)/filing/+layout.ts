import { redirect } from '@sveltejs/kit';
import { canRead } from '@clinicdesk/shared/auth/permissions.ts';
import { homePath } from '#lib/navigation.ts';

/** Filing pages only for roles that read filing (the server never sends its documents anyway). */
export async function load({ parent }) {
  const { workspace } = await parent();
  if (!canRead(workspace.user.role, 'filing')) redirect(307, homePath(workspace.user.role));
}
