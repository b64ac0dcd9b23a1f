import { describe, expect, it } from 'vitest';
import { rxSchemaOf } from '../registry/partition-rx-schema.ts';
import { authoriseRow, type Principal } from '../sync/authorise-row.ts';
import { validateWireDocument } from '../sync/collections.ts';
import { disclosureSchema } from './disclosure.schema.ts';
import { DISCLOSURES_PARTITION } from './disclosures.partition.ts';
import { recordRelease } from './record-release.ts';
import { LETTERHEAD_ID, releaseLetterheadSchema } from './release-letterhead.schema.ts';
import { releaseRequestSchema } from './release-request.schema.ts';
import { DESK, DISCLOSURE_ID, DOCUMENT_ID, HASH_A, HASH_P, NOW, requestOf, VERSION_ID } from './release.fixture.ts'; // prettier-ignore

const as = (role: Principal['role']): Principal => ({
  userId: DESK.by.userId,
  role,
  deviceId: DESK.by.deviceId,
});
const wire = <T extends object>(doc: T) => ({ ...doc, _deleted: false });

function released(purpose: 'court-order-or-subpoena' | 'to-the-patient') {
  const request = requestOf(purpose === 'to-the-patient' ? { purpose, basis: { legalBasis: 'Right of access' } } : {}); // prettier-ignore
  const made = recordRelease({
    id: DISCLOSURE_ID,
    now: NOW,
    role: 'office-manager',
    stamp: DESK,
    request,
    documents: [{ documentId: DOCUMENT_ID, versionId: VERSION_ID, sha256: HASH_A, pageCount: 2 }],
    releasePackage: { sha256: HASH_P, pageCount: 3 },
    description: 'Office notes',
    disclosedOn: '2026-03-10',
    delivery: { method: 'portal' },
  });
  if (!made.ok) throw new Error(made.error.message);
  return { before: request, ...made.value };
}

describe('the disclosures partition', () => {
  it('declares a schema for each kind, with one form per shared field and a valid index', () => {
    const rx = rxSchemaOf('disclosures', DISCLOSURES_PARTITION, [
      ['releaseRequest', releaseRequestSchema],
      ['disclosure', disclosureSchema],
      ['releaseLetterhead', releaseLetterheadSchema],
    ]);
    expect(rx.indexes).toEqual(['kind']);
    expect(rx.required).toEqual(['id', 'kind', 'createdAt', 'updatedAt']);
  });

  it('is validated on the server like any push: a typed accountability is refused', () => {
    const { disclosure } = released('court-order-or-subpoena');
    expect(validateWireDocument('disclosures', wire(disclosure)).ok).toBe(true);
    const forged = validateWireDocument('disclosures', wire({ ...disclosure, accountable: false }));
    expect(forged.ok ? [] : forged.error.issues?.map((i) => i.path)).toEqual(['accountable']);
  });

  it('lets the desk release to the patient, and only the office manager under a subpoena', () => {
    const toPatient = released('to-the-patient').disclosure;
    const subpoena = released('court-order-or-subpoena').disclosure;
    const judge = (role: Principal['role'], doc: object) =>
      authoriseRow(as(role), 'disclosures', null, wire(doc) as never)?.message ?? 'ok';
    expect(judge('front-desk', toPatient)).toBe('ok');
    expect(judge('billing', toPatient)).toBe('ok');
    expect(judge('front-desk', subpoena)).toBe('Your role may not save this record in this state');
    expect(judge('office-manager', subpoena)).toBe('ok');
    expect(judge('clinician', toPatient)).toBe('Your role may not save this record in this state');
  });

  it('keeps a disclosure as released: what was sent and when cannot change', () => {
    const { disclosure } = released('to-the-patient');
    const change = (next: object) =>
      authoriseRow(as('office-manager'), 'disclosures', wire(disclosure) as never, wire(next) as never)?.message ?? 'ok'; // prettier-ignore
    expect(change({ ...disclosure, disclosedOn: '2026-03-11' })).toBe('The disclosedOn of a record cannot change once it is made'); // prettier-ignore
    expect(change({ ...disclosure, documents: {} })).toMatch(/documents/);
    expect(change({ ...disclosure, recipient: { ...disclosure.recipient, address: '14 Court Street' } })).toBe('ok'); // prettier-ignore
  });

  it('moves a request forward only, and leaves denying to the office manager', () => {
    const { before, request } = released('to-the-patient');
    const judge = (role: Principal['role'], stored: object | null, next: object) =>
      authoriseRow(as(role), 'disclosures', stored ? (wire(stored) as never) : null, wire(next) as never)?.message ?? 'ok'; // prettier-ignore
    expect(judge('front-desk', before, request)).toBe('ok');
    expect(
      judge('front-desk', request, { ...request, status: 'in-progress', answeredOn: undefined }),
    ).toBe('This request was released and stays so; a new request starts a new release');
    expect(judge('front-desk', { ...before, status: 'in-progress' }, before)).toBe('A request cannot go back to received'); // prettier-ignore
    const denied = { ...before, status: 'denied', answeredOn: '2026-03-10', denial: { reason: 'Not the patient’s records', ...DESK } }; // prettier-ignore
    expect(judge('front-desk', before, denied)).toBe(
      'Your role may not save this record in this state',
    );
    expect(judge('office-manager', before, denied)).toBe('ok');
  });

  it('has one letterhead, which the office manager sets', () => {
    const letterhead = {
      id: LETTERHEAD_ID,
      kind: 'releaseLetterhead',
      practiceName: 'Maple Street Family Practice',
      practiceAddress: '400 Maple Street\nSpringfield, IL 62704',
      practicePhone: '(217) 555-0142',
      createdAt: NOW,
      updatedAt: NOW,
    };
    expect(releaseLetterheadSchema.safeParse(letterhead).success).toBe(true);
    expect(releaseLetterheadSchema.safeParse({ ...letterhead, id: DOCUMENT_ID }).success).toBe(
      false,
    );
    const judge = (role: Principal['role']) =>
      authoriseRow(as(role), 'disclosures', null, wire(letterhead) as never)?.message ?? 'ok';
    expect(judge('office-manager')).toBe('ok');
    expect(judge('front-desk')).toBe('Your role may not save this record in this state');
  });
});
