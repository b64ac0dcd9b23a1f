import type { ReleaseLetterhead } from '@clinicdesk/shared/disclosures/release-letterhead.schema.ts';
import type { ReleaseRequest as RequestRecord } from '@clinicdesk/shared/disclosures/release-request.schema.ts';
import { DISCLOSURE_PURPOSES } from '@clinicdesk/shared/disclosures/disclosure-purposes.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { today } from '../clock.ts';
import { liveFind } from '../db/documents.svelte.ts';
import { latestVersion } from '../filing/documents/document-versions.ts';
import { FilingLookups } from '../filing/documents/filing-lookups.svelte.ts';
import { patientName } from '../filing/documents/patient-names.svelte.ts';
import { recordAccess } from '../audit/audit.actions.ts';
import type { Workspace } from '../workspace.ts';
import { downloadBytes, fileBytes, sha256Of } from './release-files.ts';
import type { ReleaseDocument, ReleaseDocumentType, ReleaseRequest } from './release-request.ts';

export type ChosenDocument = {
  documentId: string;
  versionId: string;
  sha256: string;
  pageCount: number;
};

export type BuiltPackage = {
  bytes: Uint8Array;
  sha256: string;
  pageCount: number;
  /** The documents it encloses, as the disclosure records them. */
  documents: ChosenDocument[];
  unprintable: string[];
};

/** The PDF's creation date: a moment, not state. */
const madeAt = () => new Date(Date.now());

const PACKAGE_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * Choosing a patient's documents for a release and making the package on this device (works
 * offline with the files here): a cover letter and every page stamped with the patient, the
 * request and "Page n of m" (`buildReleasePackage`). The package is downloaded or opened to
 * print; the disclosure records its SHA-256 and each enclosed file's.
 */
export class ReleaseBuilder {
  readonly #workspace: Workspace;
  readonly #documents: { readonly current: FiledDocument[] | undefined };
  readonly lookups: FilingLookups;
  chosen = $state<string[]>([]);
  substanceUseRecords = $state(false);
  building = $state(false);
  problem = $state<string | null>(null);
  built = $state.raw<BuiltPackage | null>(null);

  constructor(workspace: Workspace, patientId: string) {
    this.#workspace = workspace;
    this.#documents = liveFind(workspace, 'filedDocument', { selector: { patientId } });
    this.lookups = new FilingLookups(workspace);
  }

  get loaded(): boolean {
    return this.#documents.current !== undefined;
  }

  get #all(): FiledDocument[] {
    return this.#documents.current ?? [];
  }

  /** The patient's filed documents that have a file, oldest first (the order a package reads). */
  readonly documents: FiledDocument[] = $derived(
    this.#all
      .filter((doc) => doc.filed && !doc.trashed && latestVersion(doc) !== null)
      .sort(
        (a, b) =>
          (a.documentDate ?? a.createdAt).localeCompare(b.documentDate ?? b.createdAt) ||
          a.id.localeCompare(b.id),
      ),
  );

  isChosen(id: string): boolean {
    return this.chosen.includes(id);
  }

  toggle(id: string, on: boolean): void {
    this.chosen = this.chosen.filter((c) => c !== id).concat(on ? [id] : []);
    // A package made of other documents is not the one to record.
    this.built = null;
  }

  chooseAll(on: boolean): void {
    this.chosen = on ? this.documents.map((doc) => doc.id) : [];
    this.built = null;
  }

  get chosenDocuments(): FiledDocument[] {
    return this.documents.filter((doc) => this.chosen.includes(doc.id));
  }

  get chosenPages(): number {
    return this.chosenDocuments.reduce((sum, doc) => sum + (latestVersion(doc)?.pageCount ?? 0), 0);
  }

  /** Makes the package from the chosen documents' latest files; true when made. */
  async build(input: {
    request: RequestRecord;
    patient: Patient;
    letterhead: ReleaseLetterhead;
  }): Promise<boolean> {
    this.problem = null;
    this.built = null;
    const docs = this.chosenDocuments;
    if (docs.length === 0) {
      this.problem = 'Choose at least one document to release';
      return false;
    }
    this.building = true;
    try {
      const files: ReleaseDocument[] = [];
      const enclosed: ChosenDocument[] = [];
      for (const doc of docs) {
        const version = latestVersion(doc);
        if (!version) continue;
        if (!PACKAGE_TYPES.includes(version.file.type)) {
          this.problem = `“${doc.title}” is a ${version.file.type} file, which a package cannot hold: file it again as PDF, JPEG or PNG`;
          return false;
        }
        const bytes = await fileBytes(this.#workspace.local, version.file);
        if (!bytes.ok) {
          this.problem = `“${doc.title}” cannot go in the package now: ${bytes.error}`;
          return false;
        }
        files.push({
          title: doc.title,
          documentDate: doc.documentDate ?? doc.createdAt.slice(0, 10),
          bytes: bytes.value,
          type: version.file.type as ReleaseDocumentType,
        });
        enclosed.push({
          documentId: doc.id,
          versionId: version.id,
          sha256: version.file.sha256,
          pageCount: version.pageCount,
        });
      }
      // pdf-lib and the fonts load only when a package is first made.
      const [{ buildReleasePackage }, { loadUnicodeFonts }] = await Promise.all([
        import('./release-package.ts'),
        import('./unicode-fonts.ts'),
      ]);
      const fonts = await loadUnicodeFonts();
      const made = await buildReleasePackage({
        practice: {
          name: input.letterhead.practiceName,
          address: input.letterhead.practiceAddress,
          phone: input.letterhead.practicePhone,
        },
        request: this.#requestForLetter(input.request, input.patient),
        documents: files,
        createdAt: madeAt(),
        ...(fonts && { fonts }),
      });
      if (!made.ok) {
        this.problem = made.error.message;
        return false;
      }
      this.built = {
        bytes: made.value.bytes,
        sha256: await sha256Of(made.value.bytes),
        pageCount: made.value.pageCount,
        documents: enclosed,
        unprintable: made.value.unprintable,
      };
      return true;
    } finally {
      this.building = false;
    }
  }

  #requestForLetter(request: RequestRecord, patient: Patient): ReleaseRequest {
    const { basis } = request;
    return {
      id: request.id.slice(-8).toUpperCase(),
      requester: request.requester,
      patient: {
        name: patientName(patient),
        birthDate: patient.dateOfBirth,
        chartNumber: patient.chartNumber ?? 'not yet numbered',
      },
      purpose: DISCLOSURE_PURPOSES[request.purpose].label,
      basis:
        'authorization' in basis
          ? {
              kind: 'authorization',
              signedOn: basis.authorization.signedOn,
              ...('on' in basis.authorization.expires
                ? { expiresOn: basis.authorization.expires.on }
                : { expiryEvent: basis.authorization.expires.event }),
            }
          : { kind: 'legal', label: basis.legalBasis },
      requestedOn: request.receivedOn,
      releasedOn: today(),
      preparedBy: this.#workspace.user.displayName,
      substanceUseRecords: this.substanceUseRecords,
    };
  }

  /** The file name the package is saved under. */
  fileName(patient: Patient): string {
    const who = `${patient.familyName}-${patient.givenName}`.replace(/[^\p{L}\p{N}-]+/gu, '');
    return `release-${who}-${today()}.pdf`;
  }

  /** Saves the package to this computer, recorded in the audit trail as an export. */
  async download(requestId: string, patient: Patient): Promise<void> {
    if (!this.built) return;
    downloadBytes(this.fileName(patient), this.built.bytes, 'application/pdf');
    await recordAccess(this.#workspace, 'export', 'disclosures', requestId);
  }

  /** Opens the package in the browser's PDF viewer to print, recorded as a print. */
  async openToPrint(requestId: string): Promise<void> {
    if (!this.built) return;
    const url = URL.createObjectURL(new Blob([new Uint8Array(this.built.bytes)], { type: 'application/pdf' })); // prettier-ignore
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    await recordAccess(this.#workspace, 'print', 'disclosures', requestId);
  }
}
