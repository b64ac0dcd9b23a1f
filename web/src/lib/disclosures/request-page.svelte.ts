import {
  authorizationValid,
  type AuthorizationValidity,
} from '@clinicdesk/shared/disclosures/authorization-valid.ts';
import type { Disclosure } from '@clinicdesk/shared/disclosures/disclosure.schema.ts';
import { LETTERHEAD_ID, type ReleaseLetterhead } from '@clinicdesk/shared/disclosures/release-letterhead.schema.ts'; // prettier-ignore
import type { ReleaseRequest } from '@clinicdesk/shared/disclosures/release-request.schema.ts';
import { requestDue, type RequestDue } from '@clinicdesk/shared/disclosures/request-due.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { today } from '../clock.ts';
import { liveDocument, liveDocuments, liveFind } from '../db/documents.svelte.ts';
import type { Workspace } from '../workspace.ts';

/**
 * One release request's page, live from the device: the request, its patient, its due date,
 * whether the authorization it rests on holds today, the disclosures made under it and the
 * titles of the documents they enclosed (from filing, where this device holds them).
 */
export class RequestPage {
  readonly #workspace: Workspace;
  readonly #request: { readonly current: ReleaseRequest | null | undefined };
  readonly #disclosures: { readonly current: Disclosure[] | undefined };
  readonly #letterhead: { readonly current: ReleaseLetterhead | null | undefined };
  readonly today = today();

  constructor(workspace: Workspace, requestId: string) {
    this.#workspace = workspace;
    this.#request = liveDocument(workspace, 'releaseRequest', requestId);
    this.#disclosures = liveFind(workspace, 'disclosure', { selector: { requestId } });
    this.#letterhead = liveDocument(workspace, 'releaseLetterhead', LETTERHEAD_ID);
  }

  get request(): ReleaseRequest | null | undefined {
    return this.#request.current;
  }
  get letterhead(): ReleaseLetterhead | null | undefined {
    return this.#letterhead.current;
  }
  get disclosures(): Disclosure[] {
    return this.#disclosures.current ?? [];
  }

  readonly #patient = $derived.by(() => {
    const id = this.#request.current?.patientId;
    return id ? liveDocument(this.#workspace, 'patient', id) : null;
  });
  get patient(): Patient | null | undefined {
    return this.#patient ? this.#patient.current : undefined;
  }

  readonly #released = $derived.by(
    () =>
    liveDocuments(this.#workspace, 'filedDocument', this.disclosures.flatMap((d) => Object.keys(d.documents))), // prettier-ignore
  );
  /** A released document's title, where this device holds it (the log never copies titles). */
  documentTitle(id: string): string {
    const doc: FiledDocument | undefined = this.#released.current?.get(id);
    return doc ? doc.title : 'A document not on this device';
  }

  get due(): RequestDue | null {
    const request = this.request;
    return request ? requestDue(request, this.today) : null;
  }

  /** Whether the authorization on file may be released under today; null for a legal basis. */
  get authorization(): AuthorizationValidity | null {
    const basis = this.request?.basis;
    return basis && 'authorization' in basis
      ? authorizationValid(basis.authorization, this.today)
      : null;
  }

  get answered(): boolean {
    const status = this.request?.status;
    return status === 'released' || status === 'denied';
  }
}
