/**
 * Keyboard use of a search box and the list of result links below it, the way desktop staff
 * expect: ↓ from the box goes to the first result, ↑/↓ move between results (↑ from the first
 * goes back to the box), Home/End jump, Enter opens (a link's own behaviour; in the box, the
 * first result), Esc clears the search and returns to the box. Focus moves to real links, so
 * screen readers announce each result as it is reached.
 */
export function searchBoxKeys(
  event: KeyboardEvent,
  list: HTMLElement | undefined,
  clear: () => void,
): void {
  const links = resultLinks(list);
  if (event.key === 'ArrowDown' && links[0]) {
    event.preventDefault();
    links[0].focus();
  } else if (event.key === 'Enter' && links[0]) {
    event.preventDefault();
    links[0].click();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    clear();
  }
}

export function resultListKeys(
  event: KeyboardEvent,
  box: HTMLInputElement | undefined,
  clear: () => void,
): void {
  const links = resultLinks(event.currentTarget as HTMLElement);
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  const move = (to: HTMLElement | undefined) => {
    event.preventDefault();
    to?.focus();
  };
  if (event.key === 'ArrowDown') move(links[Math.min(at + 1, links.length - 1)]);
  else if (event.key === 'ArrowUp') move(at === 0 ? box : links[at - 1]);
  else if (event.key === 'Home') move(links[0]);
  else if (event.key === 'End') move(links[links.length - 1]);
  else if (event.key === 'Escape') {
    clear();
    move(box);
  }
}

function resultLinks(list: HTMLElement | undefined): HTMLAnchorElement[] {
  return list ? [...list.querySelectorAll<HTMLAnchorElement>('a[href]')] : [];
}

/** True when a key press is meant for a text field, not a shortcut. */
export function typingInField(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target?.closest('input, textarea, select, [contenteditable="true"]');
}
