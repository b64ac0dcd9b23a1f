import { toDayNumber } from '@clinicdesk/shared/dates/calendar-days.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { today } from '../../clock.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { indexById } from './category-tree.ts';
import type { FilingSetup } from './filing-setup.svelte.ts';

/** How far ahead the list looks: a BAA or a licence takes weeks to renew. */
export const EXPIRY_WINDOW_DAYS = 90;

export interface ExpiringPaper {
  document: FiledDocument;
  /** Days from today to its expiry: negative once it has expired. */
  days: number;
  /** "The BAA with Northwind Billing expires in 30 days." */
  sentence: string;
}

/** "in 30 days", "tomorrow", "today", "3 days ago". */
export function whenItExpires(days: number): string {
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  if (days > 1) return `expires in ${days} days`;
  if (days === -1) return 'expired yesterday';
  return `expired ${-days} days ago`;
}

/**
 * The practice's own papers that expire soon or have expired (issue 12.11): contracts,
 * business associate agreements, licences, insurance policies — any document with an expiry
 * date within 90 days or past, soonest first, not in the trash.
 */
export class ExpiringPapers {
  readonly #documents: { readonly current: FiledDocument[] | undefined };
  readonly #setup: FilingSetup;

  constructor(workspace: Workspace, setup: FilingSetup) {
    this.#setup = setup;
    this.#documents = liveFind(workspace, 'filedDocument', {
      selector: { expiresOn: { $exists: true } },
    });
  }

  get loaded(): boolean {
    return this.#documents.current !== undefined;
  }

  get papers(): ExpiringPaper[] {
    const todayNumber = toDayNumber(today());
    if (todayNumber === null) return [];
    const types = indexById(this.#setup.documentTypes);
    const correspondents = indexById(this.#setup.correspondents);
    return (this.#documents.current ?? [])
      .flatMap((document) => {
        const expires = document.expiresOn ? toDayNumber(document.expiresOn) : null;
        if (document.trashed || expires === null) return [];
        const days = expires - todayNumber;
        if (days > EXPIRY_WINDOW_DAYS) return [];
        const type = document.documentTypeId ? types.get(document.documentTypeId) : undefined;
        const withWhom =
          (document.correspondentId && correspondents.get(document.correspondentId)?.name) ||
          this.#counterparty(document);
        const what = !type
          ? `“${document.title}”`
          : withWhom
            ? `The ${type.name} with ${withWhom}`
            : `The ${type.name} “${document.title}”`;
        return [{ document, days, sentence: `${what} ${whenItExpires(days)}.` }];
      })
      .sort((a, b) => a.days - b.days || a.document.title.localeCompare(b.document.title));
  }

  /** The "Counterparty" custom field of its type, where the practice keeps one. */
  #counterparty(document: FiledDocument): string | undefined {
    if (!document.documentTypeId || !document.fields) return undefined;
    const field = this.#setup
      .fieldsOf(document.documentTypeId)
      .find((f) => f.name.toLocaleLowerCase() === 'counterparty');
    const value = field ? document.fields[field.id] : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }
}
