import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, type PasswordContext } from '@clinicdesk/shared/auth/password-rules.ts';
import type { Result } from '@clinicdesk/shared/result.ts';

/**
 * ~49,000 common and leaked passwords (zxcvbn-ts's `passwords-common`, MIT; drawn from public
 * breach corpora), shipped in the repository through npm: no network at check time.
 */
const COMMON: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].map((word) => word.toLowerCase()),
);

const isCommon = (folded: string): boolean => COMMON.has(folded);

/** The rules every new password passes (shared/src/auth/password-rules.ts), with the list. */
export function checkNewPassword(password: string, context: PasswordContext): Result<true, string> {
  return checkPassword(password, context, isCommon);
}
