import { describe, expect, it } from 'vitest';
import { accountingEntriesOf } from './accounting-of-disclosures.ts';
import { accountingFor } from './accounting-for.ts';
import { disclosureSchema } from './disclosure.schema.ts';
import { recordRelease, type ReleaseInput } from './record-release.ts';
import { releaseRequestSchema } from './release-request.schema.ts';
import { DESK, DISCLOSURE_ID, DOCUMENT_ID, GOOD_AUTHORIZATION, HASH_A, HASH_P, NOW, PATIENT_ID, requestOf, VERSION_ID } from './release.fixture.ts'; // prettier-ignore

const input = (overrides: Partial<ReleaseInput> = {}): ReleaseInput => ({
  id: DISCLOSURE_ID,
  now: NOW,
  role: 'office-manager',
  stamp: DESK,
  request: requestOf(),
  documents: [{ documentId: DOCUMENT_ID, versionId: VERSION_ID, sha256: HASH_A, pageCount: 3 }],
  releasePackage: { sha256: HASH_P, pageCount: 4 },
  description: 'Office notes and lab results, 2024–2026',
  disclosedOn: '2026-03-10',
  delivery: { method: 'mail', detail: 'Certified mail 9407 1000' },
  ...overrides,
});

describe('recording a release', () => {
  it('makes an accountable disclosure for a subpoena, and the accounting lists it', () => {
    const made = recordRelease(input());
    if (!made.ok) throw new Error(made.error.message);
    const { disclosure, request } = made.value;
    expect(disclosure.accountable).toBe(true);
    expect(disclosure.recipient.name).toBe('Dana Whitfield');
    expect(disclosureSchema.safeParse(disclosure).error).toBeUndefined();
    expect(releaseRequestSchema.safeParse(request).error).toBeUndefined();
    expect(request).toMatchObject({ status: 'released', answeredOn: '2026-03-10' });
    const accounting = accountingFor(accountingEntriesOf([disclosure]), PATIENT_ID, '2026-03-11');
    expect(accounting.entries).toEqual([
      expect.objectContaining({
        disclosedOn: '2026-03-10',
        recipientName: 'Dana Whitfield, Whitfield & Roe LLP',
        recipientAddress: '12 Court Street\nSpringfield, IL 62701',
        description: 'Office notes and lab results, 2024–2026',
        purposeStatement:
          'Disclosed in response to a court order, subpoena or other lawful process (45 CFR 164.512(e)).',
      }),
    ]);
  });

  it('makes no accounting entry for a release to the patient, which the desk may make', () => {
    const request = requestOf({
      purpose: 'to-the-patient',
      basis: { legalBasis: 'Right of access' },
    });
    const made = recordRelease(input({ request, role: 'front-desk' }));
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.disclosure.accountable).toBe(false);
    expect(accountingEntriesOf([made.value.disclosure])).toEqual([]);
  });

  it('leaves an accountable release to the office manager', () => {
    const made = recordRelease(input({ role: 'front-desk' }));
    expect(made.ok || made.error.code).toBe('not-allowed');
  });

  it('refuses what cannot be released, saying why', () => {
    const codes = (overrides: Partial<ReleaseInput>) => {
      const made = recordRelease(input(overrides));
      return made.ok ? 'ok' : made.error.code;
    };
    expect(codes({ documents: [] })).toBe('no-documents');
    expect(codes({ description: '  ' })).toBe('no-description');
    expect(codes({ disclosedOn: '2026-03-01' })).toBe('released-before-received');
    expect(codes({ request: requestOf({ status: 'released', answeredOn: '2026-03-05' }) })).toBe('already-answered'); // prettier-ignore
    const underAuthorization = (expiresOn: string) =>
      requestOf({
        purpose: 'patient-authorization',
        basis: { authorization: { ...GOOD_AUTHORIZATION, expires: { on: expiresOn } } },
      });
    expect(codes({ request: underAuthorization('2026-03-10') })).toBe('ok');
    const expired = recordRelease(input({ request: underAuthorization('2026-03-09') }));
    expect(expired.ok ? '' : expired.error.message).toBe('The authorization expired on 2026-03-09');
  });
});

describe('the disclosure schema', () => {
  const made = recordRelease(input());
  if (!made.ok) throw new Error('fixture');
  const { disclosure } = made.value;

  it('refuses an accountability that is not the one its purpose decides', () => {
    const typed = disclosureSchema.safeParse({ ...disclosure, accountable: false });
    expect(typed.error?.issues.map((i) => i.message)).toEqual([
      'Whether a disclosure is accounted for follows from its purpose (45 CFR 164.528)',
    ]);
  });

  it('refuses a release under an authorization that had expired that day, or none at all', () => {
    const expired = disclosureSchema.safeParse({
      ...disclosure,
      purpose: 'patient-authorization',
      accountable: false,
      basis: { authorization: { ...GOOD_AUTHORIZATION, expires: { on: '2026-03-01' } } },
    });
    expect(expired.error?.issues.map((i) => i.message)).toEqual(['The authorization expired on 2026-03-01']); // prettier-ignore
    const none = disclosureSchema.safeParse({ ...disclosure, purpose: 'patient-authorization', accountable: false }); // prettier-ignore
    expect(none.success).toBe(false);
  });

  it('refuses a release with no document', () => {
    expect(disclosureSchema.safeParse({ ...disclosure, documents: {} }).success).toBe(false);
  });
});
