import { describe, expect, it } from 'vitest';
import { expiringPapers, type PaperLookups } from './expiring-papers.ts';
import {
  daysToExpiry,
  DEFAULT_REMINDER_DAYS,
  longDay,
  reminderSentence,
  reminderWindow,
  remindsNow,
  whenItExpires,
} from './paper-reminders.ts';

// The injected clock: every judgement below is made on this calendar day.
const TODAY = '2026-12-02';

const lookups: PaperLookups = {
  typeName: (id) => ({ baa: 'BAA', licence: 'Licence', contract: 'Contract' })[id],
  correspondentName: (id) => (id === 'northwind' ? 'Northwind Billing' : undefined),
  fieldsOf: (id) =>
    id === 'baa' || id === 'contract'
      ? [
          { id: 'f-counterparty', name: 'Counterparty' },
          { id: 'f-notice', name: 'Renewal notice (days)' },
        ]
      : [],
};

describe('which papers remind', () => {
  it('names a paper 30 days before it expires, not 31, by default', () => {
    const papers = expiringPapers(
      [
        { id: 'a', title: 'Northwind BAA', documentTypeId: 'baa', correspondentId: 'northwind', expiresOn: '2027-01-01' }, // prettier-ignore
        { id: 'b', title: 'Courier BAA', documentTypeId: 'baa', expiresOn: '2027-01-02' },
      ],
      lookups,
      TODAY,
    );
    expect(papers.map((p) => [p.document.id, p.days, p.reminds])).toEqual([
      ['a', 30, true],
      ['b', 31, false],
    ]);
  });

  it('follows the type’s "Renewal notice (days)" field, and falls back to 30 for a slip', () => {
    const papers = expiringPapers(
      [
        { id: 'long', title: 'Lease', documentTypeId: 'contract', expiresOn: '2027-03-01', fields: { 'f-notice': 120 } }, // prettier-ignore
        { id: 'short', title: 'Cleaning', documentTypeId: 'contract', expiresOn: '2026-12-12', fields: { 'f-notice': 7 } }, // prettier-ignore
        { id: 'zero', title: 'Shredding', documentTypeId: 'contract', expiresOn: '2026-12-20', fields: { 'f-notice': 0 } }, // prettier-ignore
      ],
      lookups,
      TODAY,
    );
    expect(papers.map((p) => [p.document.id, p.window, p.reminds])).toEqual([
      ['short', 7, false],
      ['zero', DEFAULT_REMINDER_DAYS, true],
      ['long', 120, true],
    ]);
    expect(reminderWindow('45')).toBe(45);
    expect(reminderWindow(-3)).toBe(30);
    expect(reminderWindow(2.5)).toBe(30);
    expect(reminderWindow(100_000)).toBe(30);
  });

  it('keeps naming an expired paper for 90 days, then leaves it to the full list', () => {
    expect(remindsNow(0, 30)).toBe(true);
    expect(remindsNow(-90, 30)).toBe(true);
    expect(remindsNow(-91, 30)).toBe(false);
  });

  it('leaves out papers in the trash and papers without a readable expiry date', () => {
    expect(daysToExpiry({ expiresOn: '2026-12-10', trashed: { at: 'x' } }, TODAY)).toBeNull();
    expect(daysToExpiry({ expiresOn: '2026-02-30' }, TODAY)).toBeNull();
    expect(daysToExpiry({}, TODAY)).toBeNull();
    expect(daysToExpiry({ expiresOn: '2026-12-01' }, TODAY)).toBe(-1);
  });

  it('names the counterparty field when there is no correspondent', () => {
    const [paper] = expiringPapers(
      [{ id: 'c', title: 'Courier', documentTypeId: 'contract', expiresOn: TODAY, fields: { 'f-counterparty': ' Swift Couriers ' } }], // prettier-ignore
      lookups,
      TODAY,
    );
    expect(paper?.name).toEqual({ title: 'Courier', typeName: 'Contract', withWhom: 'Swift Couriers' }); // prettier-ignore
  });
});

describe('the wording', () => {
  const baa = { title: 'Northwind BAA', typeName: 'BAA', withWhom: 'Northwind Billing' };

  it('says how many days, with the date', () => {
    expect(reminderSentence(baa, 30, '2027-01-01')).toBe(
      'The BAA with Northwind Billing expires in 30 days (January 1, 2027).',
    );
  });

  it('says today, tomorrow, yesterday and days ago', () => {
    expect(whenItExpires(0)).toBe('expires today');
    expect(whenItExpires(1)).toBe('expires tomorrow');
    expect(whenItExpires(-1)).toBe('expired yesterday');
    expect(reminderSentence(baa, -5, '2026-11-27')).toBe(
      'The BAA with Northwind Billing expired 5 days ago (November 27, 2026).',
    );
  });

  it('names a paper by its type and title, or its title alone', () => {
    expect(reminderSentence({ title: 'State licence', typeName: 'Licence' }, 0, TODAY)).toBe(
      'The Licence “State licence” expires today (December 2, 2026).',
    );
    expect(reminderSentence({ title: 'Lease' }, 2, '2026-12-04')).toBe(
      '“Lease” expires in 2 days (December 4, 2026).',
    );
    expect(longDay('2027-02-28')).toBe('February 28, 2027');
  });
});
