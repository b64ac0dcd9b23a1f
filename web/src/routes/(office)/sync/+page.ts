import { redirect } from '@sveltejs/kit';
import { homePath, syncTabs } from '#lib/navigation.ts';

export async function load({ parent }) {
  const { workspace } = await parent();
  const role = workspace.user.role;
  redirect(307, syncTabs(role)[0]?.href ?? homePath(role));
}
