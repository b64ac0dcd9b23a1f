import type { DocumentText } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { ok } from '@clinicdesk/shared/result.ts';
import { SvelteSet } from 'svelte/reactivity';
import { editDocument } from '../../db/documents.svelte.ts';
import type { TextRecogniser } from '../text/recognise.ts';
import type { Workspace } from '../../workspace.ts';
import { withText } from './filed-document-rules.ts';

/** What the schema keeps of one page's text. */
const PAGE_TEXT_MAX = 40_000;

let recogniser: TextRecogniser | null = null;
let queue: Promise<void> = Promise.resolve();

/** Documents whose text is being found on this device now ("Reading the text…"). */
export const findingText = new SvelteSet<string>();

/**
 * Finds a version's text after it is filed, in the background and one document at a time (the
 * tablet stays usable): the text inside the PDF per page (pdf-text.ts), and for pages without
 * any (camera shots, scans) the words recognised on the device, offline (recognise.ts). Written
 * into the record when done, so search finds it here and, once synced, on every device.
 * Nothing is lost if the tab closes first: the document is filed either way, without text.
 */
export function findTextLater(
  workspace: Workspace,
  documentId: string,
  versionId: string,
  pdf: Uint8Array,
): void {
  const bytes = pdf.slice();
  findingText.add(documentId);
  queue = queue
    .then(() => findText(workspace, documentId, versionId, bytes))
    .catch((error: unknown) => console.error('ClinicDesk could not find a document’s text', error))
    .finally(() => findingText.delete(documentId));
}

async function findText(
  workspace: Workspace,
  documentId: string,
  versionId: string,
  pdf: Uint8Array,
): Promise<void> {
  const { pdfText } = await import('../text/pdf-text.ts');
  const inside = await pdfText(pdf);
  if (!inside.ok) return;
  const pages = inside.value.map((page) => page.text);
  const missing = inside.value.filter((p) => p.needsRecognition).map((p) => p.pageNumber);
  let text: DocumentText = { versionId, source: 'pdf', pages: pages.map(cut) };
  if (missing.length > 0) {
    const { TextRecogniser } = await import('../text/recognise.ts');
    recogniser ??= new TextRecogniser();
    const recognised = await recogniser.recognisePdf(pdf, { pages: missing });
    if (recognised.ok) {
      for (const page of recognised.value.pages) pages[page.pageNumber - 1] = page.text;
      text = {
        versionId,
        source: 'device-recognition',
        pages: pages.map(cut),
        confidence: recognised.value.meanConfidence,
      };
    }
  }
  const at = new Date().toISOString();
  await editDocument(workspace, 'filedDocument', documentId, (latest) =>
    ok(withText(latest, text, at)),
  );
}

function cut(text: string): string {
  return text.length > PAGE_TEXT_MAX ? text.slice(0, PAGE_TEXT_MAX) : text;
}
