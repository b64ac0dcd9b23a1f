import { describe, expect, it } from 'vitest';
import { authorizationValid, type AuthorizationOnFile } from './authorization-valid.ts';

const complete: AuthorizationOnFile = {
  signedOn: '2026-01-10',
  expires: { on: '2026-12-31' },
  coreElements: {
    description: true,
    whoMayDisclose: true,
    recipients: true,
    purpose: true,
    expiration: true,
    signatureAndDate: true,
  },
  requiredStatements: { rightToRevoke: true, conditioning: true, redisclosure: true },
};

describe('authorizationValid', () => {
  it('is valid from its signing through its expiry date', () => {
    expect(authorizationValid(complete, '2026-01-10')).toEqual({ valid: true });
    expect(authorizationValid(complete, '2026-12-31')).toEqual({ valid: true });
    expect(authorizationValid(complete, '2027-01-01')).toMatchObject({
      valid: false,
      reason: 'expired',
    });
    expect(authorizationValid(complete, '2026-01-09')).toMatchObject({
      valid: false,
      reason: 'not-yet-signed',
    });
  });

  it('ends with its expiry event once the event has occurred', () => {
    const study = { ...complete, expires: { event: 'End of the research study' } };
    expect(authorizationValid(study, '2030-01-01')).toEqual({ valid: true });
    const ended = {
      ...complete,
      expires: { event: 'End of the research study', occurredOn: '2027-06-30' },
    };
    expect(authorizationValid(ended, '2027-06-29')).toEqual({ valid: true });
    expect(authorizationValid(ended, '2027-06-30')).toMatchObject({
      reason: 'expiry-event-occurred',
    });
  });

  it('stops on the day it is revoked', () => {
    const revoked = { ...complete, revokedOn: '2026-05-01' };
    expect(authorizationValid(revoked, '2026-04-30')).toEqual({ valid: true });
    expect(authorizationValid(revoked, '2026-05-01')).toMatchObject({
      reason: 'revoked',
      message: 'The patient revoked this authorization on 2026-05-01',
    });
  });

  it('names every missing core element and required statement (164.508(c))', () => {
    const missing = {
      ...complete,
      coreElements: { ...complete.coreElements, purpose: false, recipients: false },
    };
    expect(authorizationValid(missing, '2026-02-01')).toEqual({
      valid: false,
      reason: 'missing-core-element',
      message: 'The authorization does not state who may receive it, the purpose',
      missing: ['who may receive it', 'the purpose'],
    });
    const noRedisclosure = {
      ...complete,
      requiredStatements: { ...complete.requiredStatements, redisclosure: false },
    };
    expect(authorizationValid(noRedisclosure, '2026-02-01')).toMatchObject({
      reason: 'missing-required-statement',
      missing: ['that the information may be redisclosed'],
    });
  });

  it("asks for the representative's authority only when a representative signed", () => {
    expect(
      authorizationValid({ ...complete, signedByRepresentative: true }, '2026-02-01'),
    ).toMatchObject({ missing: ["the representative's authority"] });
    const described = {
      ...complete,
      signedByRepresentative: true,
      coreElements: { ...complete.coreElements, representativeAuthority: true },
    };
    expect(authorizationValid(described, '2026-02-01')).toEqual({ valid: true });
  });
});
