import { redirect } from '@sveltejs/kit';
import { session } from '#lib/session/session.svelte.ts';
import { openWorkspace } from '#lib/workspace.ts';

/** Office pages need a user who has signed in on this device; the network is not needed. */
export async function load({ url }) {
  const user = session.user;
  if (!user) redirect(307, `/login?next=${encodeURIComponent(url.pathname)}`);
  return { workspace: await openWorkspace(user) };
}
