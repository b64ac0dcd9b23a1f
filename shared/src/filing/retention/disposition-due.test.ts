import { describe, expect, it } from 'vitest';
import type { HoldLike } from '../legal-hold/held-by.ts';
import type { ScopedRetentionRule } from './applicable-retention.ts';
import { dispositionDue } from './disposition-due.ts';

const clinical: ScopedRetentionRule = {
  id: 'r-clinical',
  categoryId: 'clinical',
  basis: 'last-visit',
  years: 7,
};
const invoices: ScopedRetentionRule = {
  id: 'r-invoices',
  categoryId: 'invoices',
  basis: 'document-date',
  years: 4,
};
const rules = [clinical, invoices];
const today = '2026-03-15';
const now = '2026-03-15T14:00:00.000Z';

const oldLab = {
  id: 'lab-1',
  patientId: 'p1',
  categoryChain: ['labs', 'clinical'],
  documentDate: '2010-02-01',
  lastVisit: '2012-05-20',
};
const olderLab = {
  id: 'lab-2',
  patientId: 'p2',
  categoryChain: ['clinical'],
  documentDate: '2008-01-01',
  lastVisit: '2009-01-10',
};
const invoice = { id: 'inv-1', categoryChain: ['invoices'], documentDate: '2022-03-15' };
const recentLab = {
  id: 'lab-3',
  patientId: 'p1',
  categoryChain: ['clinical'],
  documentDate: '2024-01-01',
  lastVisit: '2025-01-01',
};
const noVisit = {
  id: 'lab-4',
  patientId: 'p4',
  categoryChain: ['clinical'],
  documentDate: '2001-01-01',
};
const contract = { id: 'c-1', categoryChain: ['contracts'], documentDate: '1999-01-01' };

describe('dispositionDue', () => {
  it('lists what is past retention, most overdue first, each with its rule', () => {
    const queue = dispositionDue(
      [oldLab, invoice, recentLab, olderLab, contract],
      rules,
      [],
      today,
      now,
    );
    expect(queue.due.map((d) => [d.document.id, d.endsOn, d.daysOverdue, d.rule.id])).toEqual([
      ['lab-2', '2016-01-10', 3717, 'r-clinical'],
      ['lab-1', '2019-05-20', 2491, 'r-clinical'],
      ['inv-1', '2026-03-15', 0, 'r-invoices'],
    ]);
    expect(queue.held).toEqual([]);
  });

  it('never lists a held document or a held patient as due, and says it is held', () => {
    const onPatient: HoldLike = {
      id: 'h1',
      patientId: 'p1',
      placed: { at: '2026-01-01T00:00:00.000Z' },
    };
    const onInvoice: HoldLike = {
      id: 'h2',
      documentId: 'inv-1',
      placed: { at: '2026-02-01T00:00:00.000Z' },
    };
    const queue = dispositionDue(
      [oldLab, olderLab, invoice],
      rules,
      [onPatient, onInvoice],
      today,
      now,
    );
    expect(queue.due.map((d) => d.document.id)).toEqual(['lab-2']);
    expect(queue.held.map((h) => [h.document.id, h.holds.map((hold) => hold.id)])).toEqual([
      ['inv-1', ['h2']],
      ['lab-1', ['h1']],
    ]);
  });

  it('is due again once the hold is released', () => {
    const released: HoldLike = {
      id: 'h1',
      patientId: 'p1',
      placed: { at: '2026-01-01T00:00:00.000Z' },
      released: { at: '2026-03-15T09:00:00.000Z' },
    };
    expect(dispositionDue([oldLab], rules, [released], today, now).due).toHaveLength(1);
  });

  it('keeps a document whose rule needs a date that is missing, and says which', () => {
    const queue = dispositionDue([noVisit], rules, [], today, now);
    expect(queue.due).toEqual([]);
    expect(queue.cannotCompute).toEqual([
      {
        document: noVisit,
        rule: clinical,
        missing: 'last-visit',
        message: 'The patient has no recorded visit',
      },
    ]);
  });
});
