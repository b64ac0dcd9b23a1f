import { fail, ok, type Result } from '../result.ts';

/**
 * Password rules after NIST SP 800-63B (rev. 4 §3.1.1.2): length, not composition. 15
 * characters is NIST's minimum for a password that is the only factor; every account gets it, so
 * an administrator is never weaker than the front desk. Any character counts (spaces, accents,
 * emoji), counted as Unicode code points after NFC normalisation; no "must contain a digit",
 * no expiry. Refused: passwords on the common/breached list, ones built from the person's own
 * names or the product's, and runs or repeats such as "aaaaaaaaaaaaaaa" or "123456789012345".
 */
export const PASSWORD_RULES = { minLength: 15, maxLength: 128 } as const;

export type PasswordContext = { username: string; displayName: string };

export function checkPassword(
  password: string,
  context: PasswordContext,
  isCommon: (normalised: string) => boolean,
): Result<true, string> {
  const normalised = password.normalize('NFC');
  const length = [...normalised].length;
  if (length < PASSWORD_RULES.minLength)
    return fail(
      `Use at least ${PASSWORD_RULES.minLength} characters — a few unrelated words with spaces work well`,
    );
  if (length > PASSWORD_RULES.maxLength)
    return fail(`Use at most ${PASSWORD_RULES.maxLength} characters`);
  const folded = normalised.toLowerCase();
  // A listed password is still listed with spaces in it ("correct horse battery staple").
  if (isCommon(folded) || isCommon(folded.replace(/\s+/gu, '')))
    return fail('This password is on a list of common or leaked passwords; choose another');
  if (isRepetitive(folded))
    return fail(
      'This password is a repeated or running sequence; choose something less predictable',
    );
  const stripped = folded.replace(/[^\p{L}\p{N}]/gu, '');
  const words = [context.username, ...context.displayName.split(/\s+/), 'clinicdesk', 'password']
    .map((word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length >= 3);
  // Only the person's names and the product's name, maybe with digits: guessable for anyone who
  // knows who they are.
  let rest = stripped;
  for (const word of words) rest = rest.replaceAll(word, '');
  if (rest.replace(/\d/g, '').length < 4)
    return fail("Don't build the password from your name, username or the app's name");
  return ok(true);
}

/** One short pattern repeated, or a run of consecutive characters (abcdef…, 98765…). */
function isRepetitive(text: string): boolean {
  const chars = [...text];
  for (let size = 1; size <= 4; size++) {
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(Math.ceil(chars.length / size)).slice(0, text.length) === text) return true;
  }
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((code, i) => code - (codes[i] ?? 0)));
  return steps.size === 1 && [...steps].every((step) => Math.abs(step) === 1);
}
