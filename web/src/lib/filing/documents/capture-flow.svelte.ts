import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { DocumentSource } from '@clinicdesk/shared/filing/filing-labels.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { today } from '../../clock.ts';
import type { Workspace } from '../../workspace.ts';
import type { CapturePage } from '../capture/capture-pages.ts';
import { type CapturedPdf, CaptureSession } from '../capture/capture-session.svelte.ts';
import { sha256Hex } from '../capture/checksum.ts';
import type { PdfError } from '../capture/images-to-pdf.ts';
import { type ActionError, documentsWithFile, fileCapture } from './filing.actions.ts';
import { FilingLookups } from './filing-lookups.svelte.ts';
import { PageThumbnails } from './page-thumbnails.svelte.ts';
import { PatientChoice } from './patient-choice.svelte.ts';

export type CaptureOutcome =
  { kind: 'filed'; doc: FiledDocument } | { kind: 'already-filed'; matches: FiledDocument[] };

/**
 * Capturing papers at the desk (`/filing/capture`): camera shots and picked files become pages
 * to reorder, turn and remove, then one PDF made on this device, checked against what is
 * already filed by its checksum, and filed in the same step with its title, patient, category,
 * type and date — or sent to the inbox for someone to file later. Offline throughout.
 */
export class CaptureFlow {
  readonly session = new CaptureSession();
  readonly thumbnails = new PageThumbnails();
  readonly lookups: FilingLookups;
  readonly patient: PatientChoice;
  readonly #workspace: Workspace;

  title = $state('');
  documentDate = $state(today());
  categoryId = $state('');
  documentTypeId = $state('');
  sendToInbox = $state(false);
  /** Camera shots make it a scan; files picked or dropped, an upload. */
  #source = $state<DocumentSource>('upload');
  #fileName = $state<string | undefined>(undefined);
  /** A single PDF picked alone, and the pages it became (to keep it as it is: see `#madePdf`). */
  #picked: { file: File; pages: readonly CapturePage[] } | null = null;

  filing = $state(false);
  problems = $state<string[]>([]);
  /** Documents on this device with the same file, once found ("already filed as …"). */
  alreadyFiled = $state<FiledDocument[]>([]);

  constructor(workspace: Workspace, patientId: string | undefined) {
    this.#workspace = workspace;
    this.lookups = new FilingLookups(workspace);
    this.patient = new PatientChoice(workspace, () => patientId);
  }

  /** Adds camera shots (`camera`) or picked and dropped files at the end. */
  async add(files: readonly File[], from: 'camera' | 'files'): Promise<void> {
    if (files.length === 0) return;
    if (from === 'camera') this.#source = 'scan';
    const alone = files.length === 1 && from === 'files' && this.session.pages.length === 0;
    const first = this.session.pages.length === 0 ? files[0] : undefined;
    const before = this.session.pages.length;
    const outcome = await this.session.add(files);
    const added = this.session.pages.slice(before);
    // A file refused (not a page) names nothing: neither the file filed nor its title.
    if (added.length > 0) {
      this.#fileName = alone ? files[0]?.name : undefined;
      if (!this.title && files.length === 1 && from === 'files')
        this.title = (files[0]?.name ?? '').replace(/\.[a-z0-9]{2,4}$/i, '').slice(0, 200);
    }
    this.#picked =
      first &&
      files.length === 1 &&
      added.length > 0 &&
      added.every((p) => p.type === 'application/pdf')
        ? { file: first, pages: added }
        : null;
    this.problems = outcome.refused.map(({ file, error }) =>
      file instanceof File ? `${file.name}: ${error.message}` : error.message,
    );
  }

  /** Without a category (or when asked), the document waits in the inbox. */
  get goesToInbox(): boolean {
    return this.sendToInbox || !this.categoryId;
  }

  /**
   * Makes the PDF and files it. A file already on this device under another document is
   * named first (`already-filed`) unless `anyway`; nothing is written then.
   */
  async file(anyway = false): Promise<Result<CaptureOutcome, ActionError>> {
    if (this.session.pages.length === 0)
      return fail({ code: 'no-pages', message: 'Take a photo or choose a file first' });
    if (!this.title.trim())
      return fail({ code: 'title-required', message: 'Give the document a title' });
    this.filing = true;
    try {
      const pdf = await this.#madePdf();
      if (!pdf.ok) return fail(pdf.error);
      if (!anyway) {
        const matches = await documentsWithFile(this.#workspace, pdf.value.sha256);
        this.alreadyFiled = matches;
        if (matches.length > 0) return ok({ kind: 'already-filed', matches });
      }
      const filed = await fileCapture(
        this.#workspace,
        { bytes: pdf.value.bytes, pageCount: pdf.value.pageCount, fileName: this.#fileName },
        {
          title: this.title,
          documentDate: this.documentDate || undefined,
          patientId: this.patient.id,
          categoryId: this.categoryId || undefined,
          documentTypeId: this.documentTypeId || undefined,
          source: this.#source,
          sendToInbox: this.sendToInbox,
        },
      );
      if (!filed.ok) return filed;
      this.session.clear();
      this.#picked = null;
      this.thumbnails.dispose();
      this.alreadyFiled = [];
      return ok({ kind: 'filed', doc: filed.value });
    } finally {
      this.filing = false;
    }
  }

  /**
   * The PDF to file. A PDF picked alone and left as it came (no page turned, moved or removed)
   * is filed byte for byte: its checksum is then the file's own, so the same file picked again
   * is recognised as already filed, and nothing in it is rewritten. Anything else is made into
   * one new PDF on this device.
   */
  async #madePdf(): Promise<Result<CapturedPdf, PdfError>> {
    const picked = this.#picked;
    const pages = this.session.pages;
    const untouched =
      picked !== null &&
      pages.length === picked.pages.length &&
      pages.every((page, i) => page === picked.pages[i]);
    if (picked && untouched) {
      const bytes = new Uint8Array(await picked.file.arrayBuffer());
      return ok({ bytes, sha256: await sha256Hex(bytes), pageCount: pages.length });
    }
    // The capture's time, read once: nothing on screen follows it.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return this.session.toPdf({ title: this.title.trim(), createdAt: new Date() });
  }

  dispose(): void {
    this.thumbnails.dispose();
  }
}
