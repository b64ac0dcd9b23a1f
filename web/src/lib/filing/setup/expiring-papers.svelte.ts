import {
  type ExpiringPaper as Judged,
  expiringPapers,
} from '@clinicdesk/shared/filing/expiry/expiring-papers.ts';
import { paperName, whenItExpires } from '@clinicdesk/shared/filing/expiry/paper-reminders.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { today } from '../../clock.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { indexById } from './category-tree.ts';
import type { FilingSetup } from './filing-setup.svelte.ts';

/** How far ahead the list looks: a BAA or a licence takes weeks to renew. */
export const EXPIRY_WINDOW_DAYS = 90;

export interface ExpiringPaper extends Judged<FiledDocument> {
  /** "The BAA with Northwind Billing expires in 30 days." */
  sentence: string;
}

/**
 * The practice's own papers that expire soon or have expired (issue 12.11): contracts,
 * business associate agreements, licences, insurance policies — any document on this device
 * with an expiry date within 90 days (or its longer reminder window) or past, soonest first,
 * not in the trash. `reminders` are those the home screen names now.
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

  #judged(): ExpiringPaper[] {
    const types = indexById(this.#setup.documentTypes);
    const correspondents = indexById(this.#setup.correspondents);
    return expiringPapers(
      this.#documents.current ?? [],
      {
        typeName: (id) => types.get(id)?.name,
        correspondentName: (id) => correspondents.get(id)?.name,
        fieldsOf: (id) => this.#setup.fieldsOf(id),
      },
      today(),
    ).map((paper) => ({
      ...paper,
      sentence: `${paperName(paper.name)} ${whenItExpires(paper.days)}.`,
    }));
  }

  get papers(): ExpiringPaper[] {
    return this.#judged().filter((paper) => paper.days <= EXPIRY_WINDOW_DAYS || paper.reminds);
  }

  /** Named on the home screen now: within their reminder window, or expired lately. */
  get reminders(): ExpiringPaper[] {
    return this.#judged().filter((paper) => paper.reminds);
  }
}
