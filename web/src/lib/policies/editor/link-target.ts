/**
 * What a link typed in the editor points to: a web address or a page of the app as typed, or,
 * for a filed document's id alone (what the filing screens show), that document's page.
 */
export function linkTarget(typed: string): string | null {
  const value = typed.trim();
  if (value === '') return null;
  if (/^[a-z0-9][a-z0-9-]{7,}$/i.test(value) && !value.includes('.'))
    return `/filing/documents/${value.toLowerCase()}`;
  if (value.startsWith('/') || /^https?:\/\//i.test(value) || /^mailto:/i.test(value)) return value;
  return `https://${value}`;
}
