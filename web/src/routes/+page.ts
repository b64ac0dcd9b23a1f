import { redirect } from '@sveltejs/kit';
import { homePath } from '#lib/navigation.ts';
import { session } from '#lib/session/session.svelte.ts';

export function load() {
  redirect(307, session.user ? homePath(session.user.role) : '/login');
}
