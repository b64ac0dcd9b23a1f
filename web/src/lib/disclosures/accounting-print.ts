import { formatDateOfBirth as usDate } from '@clinicdesk/shared/patients/date-of-birth.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { PDFDocument } from 'pdf-lib';
import { LETTER, PageFlow, drawPages, type PageFrame } from './page-flow.ts';
import { stampInTopMargin } from './page-stamp.ts';
import { embedPageFonts, unprintable, type UnicodeFontBytes } from './pdf-layout.ts';
import type { Practice, ReleasedPatient } from './release-request.ts';

/**
 * The accounting of disclosures a patient asks for (45 CFR 164.528), printed: for each
 * disclosure the rule counts, the date, who received it and their address when known, what was
 * disclosed and why (164.528(b)(2)), in a table whose header repeats on every page, each page
 * stamped with the patient and "Page n of m". Which disclosures count, and the six years, are
 * `shared/src/disclosures/`'s rules; this prints the entries it is given.
 */

/** One disclosure as the accounting lists it; dates are ISO days. Structural until shared has its own. */
export type AccountingEntry = {
  date: string;
  recipient: string;
  recipientAddress?: string;
  description: string;
  purpose: string;
};

export type AccountingPrintInput = {
  practice: Practice;
  patient: ReleasedPatient;
  periodFrom: string;
  periodTo: string;
  entries: readonly AccountingEntry[];
  printedOn: string;
  printedBy: string;
  /** The PDF's creation date (the page shows `printedOn`). */
  createdAt: Date;
  fonts?: UnicodeFontBytes;
};

export type PrintedAccounting = { bytes: Uint8Array; pageCount: number; unprintable: string[] };

export type AccountingPrintError = {
  code: 'period-reversed' | 'entry-outside-period';
  message: string;
};

const FRAME: PageFrame = { ...LETTER, margin: { top: 72, bottom: 54, left: 54, right: 54 } };
const COLUMNS = [
  { x: 0, width: 60 },
  { x: 66, width: 150 },
  { x: 222, width: 136 },
  { x: 364, width: 140 },
] as const;
const HEADINGS = ['Date', 'Recipient and address', 'What was disclosed', 'Purpose'];

export const NO_DISCLOSURES = 'No disclosures that must be accounted for were made in this period.';

export const WHAT_IS_LISTED =
  'This accounting lists the disclosures of your health information that the practice made in ' +
  'the period above and must account for under 45 CFR 164.528. It does not list disclosures ' +
  'for your treatment, for payment or for the practice’s health care operations; to you or at ' +
  'your request; under your written authorization; or others the rule leaves out.';

export async function printAccountingOfDisclosures(
  input: AccountingPrintInput,
): Promise<Result<PrintedAccounting, AccountingPrintError>> {
  const { practice, patient, periodFrom, periodTo } = input;
  // ISO days compare as text.
  if (periodFrom > periodTo)
    return fail({ code: 'period-reversed', message: `The period starts (${periodFrom}) after it ends (${periodTo}).` }); // prettier-ignore
  const outside = input.entries.find(({ date }) => date < periodFrom || date > periodTo);
  // An entry outside the period printed under it would tell the patient something untrue.
  if (outside)
    return fail({ code: 'entry-outside-period', message: `A disclosure of ${outside.date} is outside the period ${periodFrom} to ${periodTo}.` }); // prettier-ignore

  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedPageFonts(doc, input.fonts);
  const body = { font: fonts.regular, size: 10 };
  const bold = { font: fonts.bold, size: 10 };
  const small = { font: fonts.regular, size: 9 };
  const row = (texts: string[], style: typeof body) =>
    texts.map((text, i) => ({ text, style, ...(COLUMNS[i] ?? COLUMNS[0]) }));
  let inTable = false;
  const heading = (flow: PageFlow) => {
    flow.row(row(HEADINGS, bold), { leading: 13 });
    flow.rule();
    flow.space(4);
  };
  const flow = new PageFlow(FRAME, (next) => {
    if (inTable) heading(next);
  });

  flow.paragraph(practice.name, { font: fonts.bold, size: 13 });
  flow.paragraph(`${practice.address}\nPhone ${practice.phone}`, small);
  flow.space(18);
  flow.paragraph('Accounting of disclosures', { font: fonts.bold, size: 16 });
  flow.space(6);
  flow.paragraph(`Patient: ${patient.name}, born ${usDate(patient.birthDate)}, chart ${patient.chartNumber}`, body); // prettier-ignore
  flow.paragraph(`Period: ${usDate(periodFrom)} to ${usDate(periodTo)}`, body);
  flow.paragraph(`Printed ${usDate(input.printedOn)} by ${input.printedBy}`, body);
  flow.space(8);
  flow.paragraph(WHAT_IS_LISTED, small);
  flow.space(14);

  const entries = [...input.entries].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  flow.keep(13 * 3);
  heading(flow);
  inTable = true;
  if (entries.length === 0) flow.paragraph(NO_DISCLOSURES, body);
  for (const entry of entries) {
    const recipient = [entry.recipient, entry.recipientAddress].filter(Boolean).join('\n');
    flow.row(row([usDate(entry.date), recipient, entry.description, entry.purpose], body), { leading: 13 }); // prettier-ignore
    flow.space(5);
  }
  inTable = false;
  flow.space(10);
  flow.paragraph(`${entries.length} ${entries.length === 1 ? 'disclosure' : 'disclosures'} listed.`, small); // prettier-ignore

  const pages = drawPages(doc, flow.pages, FRAME);
  const left = `Accounting of disclosures · ${patient.name} · Chart ${patient.chartNumber}`;
  pages.forEach((page, index) =>
    stampInTopMargin(
      page,
      { left, right: `Page ${index + 1} of ${pages.length}` },
      { font: fonts.regular },
    ),
  );
  doc.setTitle(`Accounting of disclosures: ${patient.name}, ${periodFrom} to ${periodTo}`, { showInWindowTitleBar: true }); // prettier-ignore
  doc.setAuthor(practice.name);
  doc.setCreator('ClinicDesk');
  doc.setProducer('ClinicDesk');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  doc.setLanguage('en-US');

  const written = [left, practice.name, practice.address, input.printedBy, ...entries.flatMap((e) => [e.recipient, e.recipientAddress ?? '', e.description, e.purpose])]; // prettier-ignore
  return ok({
    bytes: await doc.save(),
    pageCount: pages.length,
    unprintable: [...new Set(written.flatMap((text) => unprintable(text, fonts.regular)))],
  });
}
