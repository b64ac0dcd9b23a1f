/**
 * A patient's authorization to disclose their records (45 CFR 164.508), as the release desk
 * checks it before sending anything under it. The booleans say whether the signed form has
 * each element 164.508(c) requires; staff tick them against the paper.
 */
export interface AuthorizationOnFile {
  /** YYYY-MM-DD. */
  signedOn: string;
  /** An expiry date (valid through that day), or an event ("end of the research study"). */
  expires: { on: string } | { event: string; occurredOn?: string | undefined };
  revokedOn?: string | undefined;
  /** Signed by a personal representative, whose authority the form must then describe. */
  signedByRepresentative?: boolean | undefined;
  coreElements: {
    /** (c)(1)(i) a specific, meaningful description of the information. */
    description: boolean;
    /** (c)(1)(ii) who may make the disclosure. */
    whoMayDisclose: boolean;
    /** (c)(1)(iii) to whom it may be made. */
    recipients: boolean;
    /** (c)(1)(iv) each purpose ("at the request of the individual" will do). */
    purpose: boolean;
    /** (c)(1)(v) an expiration date or event. */
    expiration: boolean;
    /** (c)(1)(vi) the signature and its date. */
    signatureAndDate: boolean;
    /** (c)(1)(vi) for a representative: a description of their authority. */
    representativeAuthority?: boolean | undefined;
  };
  requiredStatements: {
    /** (c)(2)(i) the right to revoke in writing, and how. */
    rightToRevoke: boolean;
    /** (c)(2)(ii) whether treatment or payment may be conditioned on signing. */
    conditioning: boolean;
    /** (c)(2)(iii) that the information may be redisclosed and no longer protected. */
    redisclosure: boolean;
  };
}

export type AuthorizationProblem =
  | 'missing-core-element'
  | 'missing-required-statement'
  | 'not-yet-signed'
  | 'revoked'
  | 'expired'
  | 'expiry-event-occurred';

export type AuthorizationValidity =
  | { valid: true }
  | { valid: false; reason: AuthorizationProblem; message: string; missing: string[] };

type CoreElement = keyof AuthorizationOnFile['coreElements'];
type RequiredStatement = keyof AuthorizationOnFile['requiredStatements'];

const CORE_ELEMENTS: readonly (readonly [CoreElement, string])[] = [
  ['description', 'a description of the information'],
  ['whoMayDisclose', 'who may disclose it'],
  ['recipients', 'who may receive it'],
  ['purpose', 'the purpose'],
  ['expiration', 'an expiration date or event'],
  ['signatureAndDate', 'the signature and date'],
  ['representativeAuthority', "the representative's authority"],
];
const REQUIRED_STATEMENTS: readonly (readonly [RequiredStatement, string])[] = [
  ['rightToRevoke', 'the right to revoke'],
  ['conditioning', 'whether care may be conditioned on signing'],
  ['redisclosure', 'that the information may be redisclosed'],
];

const invalid = (
  reason: AuthorizationProblem,
  message: string,
  missing: string[] = [],
): AuthorizationValidity => ({
  valid: false,
  reason,
  message,
  missing,
});

/**
 * Whether a disclosure may be made under an authorization on `on` (YYYY-MM-DD). It may not if
 * the form lacks a core element or a required statement (such a form is defective:
 * 164.508(b)(2)(ii)), is dated after `on`, was revoked on or before `on`, or has expired —
 * valid through its expiry date, and not once its expiry event has occurred
 * (164.508(b)(2)(i)).
 */
export function authorizationValid(auth: AuthorizationOnFile, on: string): AuthorizationValidity {
  const elements = {
    ...auth.coreElements,
    // Only a representative's signature needs their authority described.
    representativeAuthority:
      !auth.signedByRepresentative || auth.coreElements.representativeAuthority === true,
  };
  const missingElements = CORE_ELEMENTS.filter(([key]) => elements[key] !== true).map(
    ([, label]) => label,
  );
  if (missingElements.length > 0)
    return invalid(
      'missing-core-element',
      `The authorization does not state ${missingElements.join(', ')}`,
      missingElements,
    );
  const missingStatements = REQUIRED_STATEMENTS.filter(
    ([key]) => !auth.requiredStatements[key],
  ).map(([, label]) => label);
  if (missingStatements.length > 0)
    return invalid(
      'missing-required-statement',
      `The authorization does not state ${missingStatements.join(', ')}`,
      missingStatements,
    );
  if (on < auth.signedOn)
    return invalid('not-yet-signed', `The authorization is dated ${auth.signedOn}`);
  if (auth.revokedOn !== undefined && auth.revokedOn <= on)
    return invalid('revoked', `The patient revoked this authorization on ${auth.revokedOn}`);
  if ('on' in auth.expires) {
    if (on > auth.expires.on)
      return invalid('expired', `The authorization expired on ${auth.expires.on}`);
  } else if (auth.expires.occurredOn !== undefined && auth.expires.occurredOn <= on)
    return invalid(
      'expiry-event-occurred',
      `The authorization ended with "${auth.expires.event}" on ${auth.expires.occurredOn}`,
    );
  return { valid: true };
}
