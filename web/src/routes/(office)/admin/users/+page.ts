import { redirect } from '@sveltejs/kit';

/** The staff page's address before it was /staff: a bookmark to it still arrives there. */
export function load() {
  redirect(308, '/staff');
}
