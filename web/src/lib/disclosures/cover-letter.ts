import { formatDateOfBirth as usDate } from '@clinicdesk/shared/patients/date-of-birth.ts';
import { LETTER, PageFlow, type LaidOutPage, type PageFrame } from './page-flow.ts';
import type { PageFonts } from './pdf-layout.ts';
import type { Practice, ReleaseBasis, ReleaseRequest } from './release-request.ts';

/**
 * The letter on top of a release: from the practice, to the requester, about the patient; what
 * is enclosed and on which pages, why it may be released, and what the recipient may not do
 * with it. The wording is ClinicDesk's own; the 42 CFR Part 2 paragraph carries the substance
 * of the notice 42 CFR 2.32 requires, which the practice's privacy officer should confirm
 * against the rule in force.
 */

export const COVER_FRAME: PageFrame = {
  ...LETTER,
  margin: { top: 72, bottom: 60, left: 72, right: 72 },
};

export type EnclosedDocument = { title: string; documentDate: string; first: number; last: number };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']; // prettier-ignore

/** `2026-12-02` → `December 2, 2026`, as a letter is dated. */
export function letterDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1] ?? ''} ${day ?? ''}, ${year ?? ''}`;
}

export const pageRangeText = ({ first, last }: { first: number; last: number }): string =>
  first === last ? `${first}` : `${first}–${last}`;

function basisText(basis: ReleaseBasis): string {
  if (basis.kind === 'legal') return `Released under: ${basis.label}.`;
  const until = basis.expiresOn
    ? `valid until ${usDate(basis.expiresOn)}`
    : basis.expiryEvent
      ? `valid until ${basis.expiryEvent}`
      : 'with no expiration stated';
  return `Released under: the patient’s written authorization signed ${usDate(basis.signedOn)}, ${until}.`;
}

export function confidentialityNotice(practice: Practice): string {
  return (
    'These pages hold confidential health information, released to you for the purpose stated ' +
    'above only. Use or disclose them further only as that purpose, the law or the patient’s ' +
    'written authorization allows, and keep them secure. If you are not the intended recipient, ' +
    `do not read, copy or pass them on: call ${practice.name} at ${practice.phone}, and destroy ` +
    'or return them.'
  );
}

export const PART_2_NOTICE =
  'Some of these pages come from substance use disorder records protected by the federal ' +
  'confidentiality rules of 42 CFR Part 2. Those rules prohibit you from using or disclosing ' +
  'these records, or testimony about what they contain, in any civil, criminal, administrative ' +
  'or legislative proceeding against the patient, and from making any other use or disclosure ' +
  'of them, unless the patient’s written consent or 42 CFR Part 2 expressly permits it. A ' +
  'general authorization to release medical information does not permit their redisclosure.';

export function layoutCoverLetter(
  input: {
    practice: Practice;
    request: ReleaseRequest;
    enclosed: EnclosedDocument[];
    totalPages: number;
  },
  fonts: PageFonts,
): LaidOutPage[] {
  const { practice, request, enclosed, totalPages } = input;
  const { patient, requester } = request;
  const body = { font: fonts.regular, size: 10.5 };
  const bold = { font: fonts.bold, size: 10.5 };
  const small = { font: fonts.regular, size: 9 };
  const flow = new PageFlow(COVER_FRAME);

  flow.paragraph(practice.name, { font: fonts.bold, size: 14 });
  flow.paragraph(`${practice.address}\nPhone ${practice.phone}`, small);
  flow.space(24);
  flow.paragraph(letterDate(request.releasedOn), body);
  flow.space(12);
  flow.paragraph(
    [requester.name, requester.organisation, requester.address].filter(Boolean).join('\n'),
    body,
  );
  flow.space(16);
  flow.paragraph(
    `Re: ${patient.name}, born ${usDate(patient.birthDate)}, chart ${patient.chartNumber}`,
    bold,
  );
  flow.paragraph(
    `Your request of ${usDate(request.requestedOn)}, our reference ${request.id}`,
    body,
  );
  flow.space(12);
  flow.paragraph(
    `As requested, we enclose copies of the records of the patient named above listed below: ${totalPages} pages in all, this letter included. Every page is marked with the patient’s name and chart number, our reference and its page number.`,
    body,
  );
  flow.space(10);

  const columns = [
    { x: 0, width: 22 },
    { x: 26, width: 262 },
    { x: 296, width: 80 },
    { x: 380, width: flow.width - 380 },
  ] as const;
  const cells = (texts: string[], style: typeof body) =>
    texts.map((text, i) => ({ text, style, ...(columns[i] ?? columns[0]) }));
  flow.keep(body.size * 1.35 * 3);
  flow.row(cells(['No.', 'Document', 'Dated', 'Pages'], bold), { leading: 14 });
  flow.rule();
  flow.space(3);
  for (const [index, document] of enclosed.entries())
    flow.row(
      cells(
        [`${index + 1}`, document.title, usDate(document.documentDate), pageRangeText(document)],
        body,
      ),
      { leading: 14 },
    );
  flow.space(12);

  flow.paragraph(`Purpose of the disclosure: ${request.purpose}.`, body);
  flow.paragraph(basisText(request.basis), body);
  flow.space(12);
  flow.keep(70);
  flow.paragraph('Confidential', bold);
  flow.paragraph(confidentialityNotice(practice), small);
  if (request.substanceUseRecords) {
    flow.space(8);
    flow.keep(80);
    flow.paragraph('Substance use disorder records: redisclosure prohibited (42 CFR Part 2)', bold);
    flow.paragraph(PART_2_NOTICE, small);
  }
  flow.space(18);
  flow.keep(40);
  flow.paragraph(`Prepared by ${request.preparedBy}, ${practice.name}`, body);
  flow.paragraph(`Questions about this release: ${practice.phone}`, small);
  return flow.pages;
}
