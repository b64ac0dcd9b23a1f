import type { ApiFailure } from '../../api/http.ts';

/**
 * Why a document was not destroyed, in words the office manager can act on. Every refusal
 * says that nothing was destroyed: a refused destruction changes nothing anywhere.
 */
export function destroyRefusalInWords(failure: ApiFailure, title: string): string {
  if (failure.kind === 'network')
    return `“${title}” was not destroyed: destroying needs a connection to the server, which this device cannot reach right now. Try again once it is back online.`;
  switch (failure.code) {
    case 'legal-hold':
      return `“${title}” was not destroyed: a legal hold applies to it. It is kept until the hold is released.`;
    case 'not-due':
      return `“${title}” was not destroyed: it is still within its retention period (its dates or the rules changed since this list was made). Refresh the list.`;
    case 'not-found':
      return `“${title}” is no longer stored: it may have been destroyed already. Refresh the list.`;
    case 'forbidden':
      return `“${title}” was not destroyed: only the office manager destroys documents.`;
    default:
      return `“${title}” was not destroyed: ${failure.message}`;
  }
}
