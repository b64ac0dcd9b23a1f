import { describe, expect, it } from 'vitest';
import { notoSans } from '../../disclosures/fixtures/noto-sans.ts';
import { readPdf } from '../../disclosures/fixtures/read-pdf.ts';
import type { PolicyBlock } from './policy-blocks.ts';
import {
  printPolicies,
  UNCONTROLLED,
  type PolicyPdfInput,
  type PrintedPolicy,
} from './policy-pdf.ts';

const fonts = notoSans();

function words(count: number, seed: number): string {
  const vocabulary = ['the', 'front', 'desk', 'verifies', 'each', 'patient', 'identity', 'before', 'check-in', 'and', 'records', 'consent', 'in', 'ClinicDesk', 'Łukasik'];
  return Array.from({ length: count }, (_, i) => vocabulary[(i * 7 + seed) % vocabulary.length]).join(' ');
} // prettier-ignore

const longBlocks = (paragraphs: number): PolicyBlock[] => [
  { type: 'heading', level: 1, text: 'Purpose' },
  ...Array.from({ length: paragraphs }, (_, i): PolicyBlock => ({ type: 'paragraph', text: words(80, i), depth: 0 })),
]; // prettier-ignore

const checkIn: PrintedPolicy = {
  number: 'FD-01',
  title: 'Patient check-in and identity verification',
  area: 'Front desk',
  legalReferences: ['45 CFR 164.514(h)'],
  versionNumber: 3,
  effectiveOn: '2026-11-02',
  status: 'Published',
  inForce: true,
  blocks: [
    { type: 'heading', level: 1, text: 'Steps' },
    { type: 'paragraph', text: 'Greet the patient', depth: 1, marker: '1.' },
    { type: 'paragraph', text: 'Ask for photo identification', depth: 1, marker: '2.' },
    { type: 'paragraph', text: 'Card scanned', depth: 1, marker: '☑' },
    {
      type: 'table',
      rows: [
        { header: true, cells: ['Document', 'Accepted'] },
        { header: false, cells: ['Driver licence', 'Yes'] },
      ],
    },
  ],
};
const breach: PrintedPolicy = {
  number: 'PRIV-12',
  title: 'Breach notification',
  area: 'Privacy',
  legalReferences: ['45 CFR 164.404'],
  versionNumber: 1,
  effectiveOn: '2026-01-05',
  status: 'Published',
  inForce: true,
  blocks: longBlocks(40),
};

const base: PolicyPdfInput = {
  practiceName: 'Maple Street Family Practice',
  policies: [checkIn],
  printedOn: '2026-12-02',
  printedBy: 'Demo Office Manager',
  createdAt: new Date('2026-12-02T16:00:00Z'),
  fonts,
};

describe('a printed policy', () => {
  it('prints its number, title, version, effective date, steps and table', async () => {
    const printed = await printPolicies(base);
    const { pages, title } = await readPdf(printed.bytes);
    expect(printed.pageCount).toBe(1);
    expect(title).toBe('FD-01 Patient check-in and identity verification, version 3');
    const text = pages[0]!.text;
    for (const expected of [
      'FD-01',
      'Patient check-in and identity verification',
      'Version 3 · Effective 11/02/2026',
      'Legal references: 45 CFR 164.514(h)',
      'Ask for photo identification',
      '[x]',
      'Driver licence',
    ])
      expect(text).toContain(expected);
  });

  it('says on every page that it is uncontrolled, which version it is and page n of m', async () => {
    const printed = await printPolicies({ ...base, policies: [breach] });
    const { pages } = await readPdf(printed.bytes);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      expect(page.text).toContain(UNCONTROLLED);
      expect(page.text).toContain('PRIV-12 Breach notification · Version 1 · Effective 01/05/2026');
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    // Written in Noto Sans: a name with a Polish letter prints as written.
    expect(pages[0]!.text).toContain('Łukasik');
    expect(printed.unprintable).toEqual([]);
  });

  it('says when the version printed is not the one in force', async () => {
    const draft = {
      ...checkIn,
      versionNumber: 4,
      status: 'Draft',
      inForce: false,
    } as PrintedPolicy;
    delete (draft as { effectiveOn?: string }).effectiveOn;
    const { pages } = await readPdf((await printPolicies({ ...base, policies: [draft] })).bytes);
    expect(pages[0]!.text).toContain('Version 4 · Not yet effective · Draft');
  });
});

describe('a printed manual', () => {
  const manual: PolicyPdfInput = {
    ...base,
    manual: { title: 'Front desk', description: 'How the desk runs.' },
    policies: [breach, checkIn],
  };

  it('opens with its contents: each policy, its version and effective date, and the page it starts on', async () => {
    const printed = await printPolicies(manual);
    const { pages } = await readPdf(printed.bytes);
    const contents = pages[0]!.text;
    expect(contents).toContain('Front desk');
    expect(contents).toContain('Contents');
    expect(contents).toContain('Printed 12/02/2026 by Demo Office Manager');
    expect(contents).toMatch(
      /PRIV-12\s+Breach notification\s+Version 1 · Effective 01\/05\/2026\s+2/,
    );
    const checkInStart = printed.startPages[1]!;
    expect(contents).toContain(`Version 3 · Effective 11/02/2026 ${checkInStart}`);
    expect(printed.startPages[0]).toBe(2);
    // Each policy starts on its own page, the one the contents give.
    expect(pages[checkInStart - 1]!.text).toContain('Patient check-in and identity verification');
    expect(pages[checkInStart - 2]!.text).not.toContain('Ask for photo identification');
    pages.forEach((page, index) => {
      expect(page.text).toContain(UNCONTROLLED);
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages[0]!.text).toContain('Front desk · Contents · Printed 12/02/2026');
    expect(pages[checkInStart - 1]!.text).toContain(
      'FD-01 Patient check-in and identity verification · Version 3',
    );
  });

  it('says so when none of its policies is in force', async () => {
    const printed = await printPolicies({ ...manual, policies: [] });
    const { pages } = await readPdf(printed.bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('No policy of this manual is in force today.');
  });
});
