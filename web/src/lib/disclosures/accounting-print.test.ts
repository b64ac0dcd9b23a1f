import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  NO_DISCLOSURES,
  printAccountingOfDisclosures,
  type AccountingEntry,
  type AccountingPrintInput,
  type PrintedAccounting,
} from './accounting-print.ts';
import { notoSans } from './fixtures/noto-sans.ts';
import { readPdf } from './fixtures/read-pdf.ts';

const fonts = notoSans();
const base: AccountingPrintInput = {
  practice: { name: 'Maple Street Family Practice', address: '120 Maple Street\nSpringfield, IL 62704', phone: '(217) 555-0142' },
  patient: { name: 'Zoë Ñúñez-Łukasik', birthDate: '1987-04-12', chartNumber: '100234-7' },
  periodFrom: '2020-12-02',
  periodTo: '2026-12-02',
  entries: [],
  printedOn: '2026-12-02',
  printedBy: 'Jordan Reyes',
  createdAt: new Date('2026-12-02T16:00:00Z'),
  fonts,
}; // prettier-ignore

const subpoena: AccountingEntry = {
  date: '2026-03-18',
  recipient: 'Whitfield & Ortiz LLP',
  recipientAddress: '400 Court Plaza, Suite 12, Springfield, IL 62701',
  description: 'Visit notes and lab results, 01/2025 to 02/2026',
  purpose: 'Subpoena with court order, Sangamon County case 2026-L-0117',
};
const healthDepartment: AccountingEntry = {
  date: '2024-07-09',
  recipient: 'Illinois Department of Public Health',
  description: 'Communicable disease report',
  purpose: 'Public health reporting required by state law',
};

async function printed(input: Partial<AccountingPrintInput>): Promise<PrintedAccounting> {
  const result = await printAccountingOfDisclosures({ ...base, ...input });
  if (!result.ok) throw new Error(`expected a print, got ${result.error.code}`);
  return result.value;
}

describe('printAccountingOfDisclosures', () => {
  it('lists each disclosure with its date, recipient and address, what was disclosed and why, oldest first', async () => {
    const print = await printed({ entries: [subpoena, healthDepartment] });
    const [page] = (await readPdf(print.bytes)).pages;
    const text = page?.text ?? '';
    expect(text).toContain('Accounting of disclosures');
    expect(text).toContain('Patient: Zoë Ñúñez-Łukasik, born 04/12/1987, chart 100234-7');
    expect(text).toContain('Period: 12/02/2020 to 12/02/2026');
    expect(text).toContain('Printed 12/02/2026 by Jordan Reyes');
    expect(text).toContain('Date Recipient and address What was disclosed Purpose');
    expect(text).toContain('03/18/2026 Whitfield & Ortiz LLP');
    expect(text).toContain('400 Court Plaza, Suite 12,');
    expect(text).toContain('Visit notes and lab results');
    expect(text).toContain('Subpoena with court order');
    expect(text.indexOf('07/09/2024')).toBeLessThan(text.indexOf('03/18/2026'));
    expect(text).toContain('2 disclosures listed.');
    expect(text).not.toContain(NO_DISCLOSURES);
  });

  it('says in a line that there was none when no disclosure in the period must be accounted for', async () => {
    const print = await printed({ entries: [] });
    const { pages } = await readPdf(print.bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.text).toContain(NO_DISCLOSURES);
    expect(pages[0]?.text).toContain('Page 1 of 1');
  });

  it('runs onto more pages with the table header repeated and every page numbered n of m, no entry lost', async () => {
    const entries = Array.from({ length: 70 }, (_, i) => ({
      ...subpoena,
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      recipient: `Recipient ${i + 1}`,
    }));
    const print = await printed({ entries });
    const { pages } = await readPdf(print.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect((await PDFDocument.load(print.bytes)).getPageCount()).toBe(print.pageCount);
    pages.forEach((page, index) => {
      expect(page.text).toContain('Date Recipient and address What was disclosed Purpose');
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page.text).toContain('Accounting of disclosures · Zoë Ñúñez-Łukasik · Chart 100234-7');
    });
    const all = pages.map((page) => page.text).join(' ');
    for (let i = 1; i <= 70; i++)
      expect(all.match(new RegExp(`Recipient ${i}\\b`, 'g'))).toHaveLength(1);
  });

  it('names and dates the PDF as told', async () => {
    const print = await printed({ entries: [subpoena] });
    const doc = await PDFDocument.load(print.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(
      'Accounting of disclosures: Zoë Ñúñez-Łukasik, 2020-12-02 to 2026-12-02',
    );
    expect(doc.getProducer()).toBe('ClinicDesk');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(print.unprintable).toEqual([]);
  });

  it('refuses a period that ends before it starts, and a disclosure outside the period', async () => {
    const reversed = await printAccountingOfDisclosures({
      ...base,
      periodFrom: '2026-12-02',
      periodTo: '2020-12-02',
    });
    expect(reversed.ok ? null : reversed.error.code).toBe('period-reversed');
    const outside = await printAccountingOfDisclosures({
      ...base,
      entries: [{ ...subpoena, date: '2019-05-01' }],
    });
    expect(outside.ok ? null : outside.error.code).toBe('entry-outside-period');
  });
});
