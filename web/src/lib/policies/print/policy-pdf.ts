import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { LETTER, PageFlow, drawPages, type PageFrame } from '../../disclosures/page-flow.ts';
import {
  embedPageFonts,
  fitText,
  unprintable,
  widthOf,
  type PageFonts,
  type TextStyle,
  type UnicodeFontBytes,
} from '../../disclosures/pdf-layout.ts';
import { usDate } from '../library/us-date.ts';
import type { PolicyBlock } from './policy-blocks.ts';

/**
 * A printed policy, or a whole manual: the controlled copy is the one in ClinicDesk, so every
 * page says it is uncontrolled once printed, and which policy, version and effective date it
 * belongs to, with "Page n of m" — a page found loose on the counter says what it is and how
 * old. A manual opens with its contents: each policy with its version, effective date and the
 * page it starts on; each policy starts on a new page. Laid out before it is drawn (PageFlow),
 * so the contents know every page number. A PDF made here rather than the browser's print of
 * the page: Chromium's print has no page numbers to put in a contents list, iPad Safari no
 * running footers, and the same file goes to the printer or is saved, offline either way.
 */
export const UNCONTROLLED = 'Uncontrolled when printed — check ClinicDesk for the version in force';

export type PrintedPolicy = {
  number: string;
  title: string;
  area: string;
  legalReferences: readonly string[];
  versionNumber: number;
  /** Absent for a version not published (a draft printed for review). */
  effectiveOn?: string;
  /** "Published", "Draft"…: said on the page when it is not the version in force. */
  status: string;
  inForce: boolean;
  blocks: readonly PolicyBlock[];
};

export type PolicyPdfInput = {
  /** The practice, when the device knows its name. */
  practiceName?: string;
  /** A manual's print: its title and description head the contents page. */
  manual?: { title: string; description?: string };
  policies: readonly PrintedPolicy[];
  printedOn: string;
  printedBy: string;
  createdAt: Date;
  fonts?: UnicodeFontBytes;
};

export type PrintedPolicies = {
  bytes: Uint8Array;
  pageCount: number;
  /** The page each policy starts on, in order. */
  startPages: number[];
  unprintable: string[];
};

const FRAME: PageFrame = { ...LETTER, margin: { top: 54, bottom: 72, left: 60, right: 60 } };
const INDENT = 16;
const HANG = 18;
/** Boxes of a checklist as the font draws them (Noto Sans has no ☐ ☑). */
const MARKERS: Record<string, string> = { '☐': '[ ]', '☑': '[x]' };

export const versionLine = (policy: PrintedPolicy): string =>
  [
    `Version ${policy.versionNumber}`,
    policy.effectiveOn ? `Effective ${usDate(policy.effectiveOn)}` : 'Not yet effective',
    ...(policy.inForce ? [] : [policy.status]),
  ].join(' · ');

type Styles = ReturnType<typeof stylesOf>;
const stylesOf = (fonts: PageFonts) => ({
  title: { font: fonts.bold, size: 17 },
  h1: { font: fonts.bold, size: 14 },
  h2: { font: fonts.bold, size: 12 },
  h3: { font: fonts.bold, size: 11 },
  body: { font: fonts.regular, size: 10.5 },
  bold: { font: fonts.bold, size: 10.5 },
  small: { font: fonts.regular, size: 9 },
  smallBold: { font: fonts.bold, size: 9 },
});

function headingStyle(styles: Styles, level: number): TextStyle {
  return level <= 1 ? styles.h1 : level === 2 ? styles.h2 : styles.h3;
}

function layOutPolicy(flow: PageFlow, policy: PrintedPolicy, styles: Styles): void {
  flow.paragraph(`${policy.number}  ${policy.title}`, styles.title, { leading: 22 });
  flow.paragraph(versionLine(policy), styles.bold);
  flow.paragraph(`Area: ${policy.area}`, styles.small);
  if (policy.legalReferences.length > 0)
    flow.paragraph(`Legal references: ${policy.legalReferences.join('; ')}`, styles.small);
  flow.space(4);
  flow.rule();
  flow.space(10);
  for (const block of policy.blocks) layOutBlock(flow, block, styles);
}

function layOutBlock(flow: PageFlow, block: PolicyBlock, styles: Styles): void {
  switch (block.type) {
    case 'heading': {
      const style = headingStyle(styles, block.level);
      // A heading is kept with the first lines under it.
      flow.keep(style.size * 1.35 * 2 + styles.body.size * 1.35 * 2);
      flow.space(6);
      flow.paragraph(block.text, style);
      flow.space(3);
      return;
    }
    case 'paragraph': {
      const x = Math.max(0, block.depth - 1) * INDENT;
      if (block.marker === undefined) {
        flow.paragraph(block.text, styles.body, { x });
      } else {
        const marker = MARKERS[block.marker] ?? block.marker;
        const width = flow.width - x - HANG;
        flow.row(
          [
            { text: marker, style: styles.body, x, width: HANG },
            { text: block.text, style: styles.body, x: x + HANG, width },
          ],
          { leading: styles.body.size * 1.35 },
        );
      }
      flow.space(4);
      return;
    }
    case 'table': {
      const columns = Math.max(1, ...block.rows.map((row) => row.cells.length));
      const gap = 8;
      const width = (flow.width - gap * (columns - 1)) / columns;
      flow.space(2);
      for (const row of block.rows) {
        const style = row.header ? styles.smallBold : styles.small;
        flow.row(
          row.cells.map((text, i) => ({ text, style, x: i * (width + gap), width })),
          { leading: 12 },
        );
        flow.space(2);
        flow.rule({ thickness: row.header ? 0.75 : 0.25 });
        flow.space(3);
      }
      flow.space(4);
      return;
    }
    case 'rule':
      flow.space(4);
      flow.rule();
      flow.space(8);
      return;
  }
}

function layOutContents(
  flow: PageFlow,
  input: PolicyPdfInput,
  startPages: readonly number[],
  styles: Styles,
): void {
  const manual = input.manual!;
  if (input.practiceName) {
    flow.paragraph(input.practiceName, styles.bold);
    flow.space(4);
  }
  flow.paragraph(manual.title, styles.title, { leading: 24 });
  if (manual.description) flow.paragraph(manual.description, styles.body);
  flow.space(4);
  flow.paragraph(`Printed ${usDate(input.printedOn)} by ${input.printedBy}`, styles.small);
  flow.space(14);
  flow.paragraph('Contents', styles.h1);
  flow.space(4);
  const columns = { number: 0, title: 70, version: 272, page: flow.width - 28 };
  const header = (text: string, x: number, width: number) => ({ text, style: styles.smallBold, x, width }); // prettier-ignore
  flow.row(
    [
      header('Number', columns.number, 66),
      header('Policy', columns.title, 196),
      header('Version and effective date', columns.version, 186),
      header('Page', columns.page, 28),
    ],
    { leading: 12 },
  );
  flow.space(2);
  flow.rule({ thickness: 0.75 });
  flow.space(4);
  input.policies.forEach((policy, index) => {
    const cell = (text: string, x: number, width: number) => ({ text, style: styles.body, x, width }); // prettier-ignore
    flow.row(
      [
        cell(policy.number, columns.number, 66),
        cell(policy.title, columns.title, 196),
        cell(versionLine(policy), columns.version, 186),
        cell(String(startPages[index] ?? ''), columns.page, 28),
      ],
      { leading: 14 },
    );
    flow.space(4);
  });
  if (input.policies.length === 0)
    flow.paragraph('No policy of this manual is in force today.', styles.body);
}

/** The footer of every page: uncontrolled, what this page is, page n of m. */
function footer(
  page: PDFPage,
  text: { what: string; page: string },
  styles: Styles,
  frame: PageFrame,
): void {
  const width = frame.width - frame.margin.left - frame.margin.right;
  const left = frame.margin.left;
  const top = frame.margin.bottom - 22;
  page.drawLine({
    start: { x: left, y: top + 12 },
    end: { x: left + width, y: top + 12 },
    thickness: 0.5,
    color: rgb(0.4, 0.4, 0.4),
  });
  const pageWidth = widthOf(text.page, styles.smallBold);
  page.drawText(fitText(UNCONTROLLED, styles.smallBold, width - pageWidth - 12), {
    x: left,
    y: top,
    ...styles.smallBold,
    color: rgb(0, 0, 0),
  });
  page.drawText(text.page, { x: left + width - pageWidth, y: top, ...styles.smallBold });
  page.drawText(fitText(text.what, styles.small, width), {
    x: left,
    y: top - 12,
    ...styles.small,
    color: rgb(0.2, 0.2, 0.2),
  });
}

export async function printPolicies(input: PolicyPdfInput): Promise<PrintedPolicies> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedPageFonts(doc, input.fonts);
  const styles = stylesOf(fonts);

  // The policies first: each starts on a new page; which page belongs to which policy.
  const body = new PageFlow(FRAME);
  const owner: number[] = [];
  const starts: number[] = [];
  input.policies.forEach((policy, index) => {
    if (index > 0) body.newPage();
    starts.push(body.pages.length - 1);
    layOutPolicy(body, policy, styles);
    while (owner.length < body.pages.length) owner.push(index);
  });

  // The contents (a manual's), laid out once to know its length, then with the page numbers.
  let contents: PageFlow | null = null;
  if (input.manual) {
    const draft = new PageFlow(FRAME);
    layOutContents(draft, input, starts.map(() => 999), styles); // prettier-ignore
    const offset = draft.pages.length;
    contents = new PageFlow(FRAME);
    layOutContents(contents, input, starts.map((start) => start + offset + 1), styles); // prettier-ignore
  }
  const contentsPages = contents?.pages ?? [];
  const bodyPages = input.policies.length > 0 ? body.pages : [];
  const pages = drawPages(doc, [...contentsPages, ...bodyPages], FRAME);
  const total = pages.length;
  pages.forEach((page, index) => {
    const policy = input.policies[owner[index - contentsPages.length] ?? -1];
    const what =
      index < contentsPages.length || !policy
        ? `${input.manual?.title ?? 'Policies'} · Contents · Printed ${usDate(input.printedOn)}`
        : `${policy.number} ${policy.title} · ${versionLine(policy)} · Printed ${usDate(input.printedOn)}`;
    footer(page, { what, page: `Page ${index + 1} of ${total}` }, styles, FRAME);
  });

  const single = input.policies.length === 1 && !input.manual ? input.policies[0] : undefined;
  doc.setTitle(
    single
      ? `${single.number} ${single.title}, version ${single.versionNumber}`
      : `${input.manual?.title ?? 'Policies'}, printed ${input.printedOn}`,
    { showInWindowTitleBar: true },
  );
  doc.setAuthor(input.practiceName ?? 'ClinicDesk');
  doc.setSubject(UNCONTROLLED);
  doc.setCreator('ClinicDesk');
  doc.setProducer('ClinicDesk');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  doc.setLanguage('en-US');

  const written = input.policies.flatMap((p) => [
    p.title,
    p.area,
    ...p.legalReferences,
    ...p.blocks.flatMap((b) =>
      b.type === 'table' ? b.rows.flatMap((r) => r.cells) : b.type === 'rule' ? [] : [b.text],
    ),
  ]);
  return {
    bytes: await doc.save(),
    pageCount: total,
    startPages: starts.map((start) => start + contentsPages.length + 1),
    unprintable: [...new Set(written.flatMap((text) => unprintable(text, fonts.regular)))],
  };
}
