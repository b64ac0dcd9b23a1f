import { redirect } from '@sveltejs/kit';
import { canRead } from '@clinicdesk/shared/auth/permissions.ts';
import { FilingSetup } from '#lib/filing/setup/filing-setup.svelte.ts';
import { homePath } from '#lib/navigation.ts';

/** Filing's setup for whoever reads filing (changed by the office manager; the server enforces). */
export async function load({ parent }) {
  const { workspace } = await parent();
  if (!canRead(workspace.user.role, 'filing')) redirect(307, homePath(workspace.user.role));
  return { setup: new FilingSetup(workspace) };
}
