import type { PayerType } from './coverage.schema.ts';

/**
 * Member id rules per payer type, so a mistyped id is caught at the desk rather than as a
 * denied claim weeks later. Spaces and dashes staff type from the card are dropped first.
 */

/** MBI letters: A–Z without S, L, O, I, B, Z (CMS "Understanding the MBI"). */
const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI_ALNUM = '[AC-HJKMNP-RT-Y0-9]';
/** Medicare Beneficiary Identifier: 11 characters, C A AN N A AN N A A N N. */
const MBI_PATTERN = new RegExp(
  `^[1-9]${MBI_LETTER}${MBI_ALNUM}[0-9]${MBI_LETTER}${MBI_ALNUM}[0-9]${MBI_LETTER}${MBI_LETTER}[0-9][0-9]$`,
);

/** The id as stored: upper case, without spaces or dashes (dashes kept for commercial ids). */
export function normaliseMemberId(payerType: PayerType, input: string): string {
  const upper = input.trim().toUpperCase().replace(/\s+/g, '');
  return payerType === 'commercial' || payerType === 'other' ? upper : upper.replace(/-/g, '');
}

/** Null when the (normalised) id fits the payer type, otherwise what to tell the receptionist. */
export function memberIdProblem(payerType: PayerType, id: string): string | null {
  switch (payerType) {
    case 'medicare':
      if (/^\d{9}[A-Z]{1,2}\d?$/.test(id))
        return 'This looks like an old Medicare number (HICN); enter the 11-character MBI from the new card';
      return MBI_PATTERN.test(id)
        ? null
        : 'A Medicare MBI has 11 characters, like 1EG4-TE5-MK73 (no S, L, O, I, B or Z)';
    case 'medicaid':
      return /^[A-Z0-9]{6,14}$/.test(id) ? null : 'A Medicaid id has 6 to 14 letters or digits';
    case 'commercial':
    case 'other':
      return /^[A-Z0-9][A-Z0-9-]{2,29}$/.test(id)
        ? null
        : 'A member id has 3 to 30 letters, digits or dashes';
    case 'self-pay':
      return null;
  }
}
