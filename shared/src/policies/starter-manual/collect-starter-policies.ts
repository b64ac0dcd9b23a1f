import { fail, ok, type Result } from '../../result.ts';
import { STARTER_MANUALS } from './starter-manuals.ts';
import { parseStarterPolicy, type StarterPolicy } from './starter-policy.ts';

/** A markdown file of the starter manual: its path inside the starter-manual folder and text. */
export type StarterPolicySource = { file: string; text: string };

/**
 * Every starter policy from its files, in reading order (manual order, then number), or the
 * first thing wrong with them: a file that does not parse, a number used twice, a related
 * policy that does not exist, or other than exactly one privacy notice. The generator refuses
 * to write, and the test fails, on the same errors.
 */
export function collectStarterPolicies(
  sources: readonly StarterPolicySource[],
): Result<StarterPolicy[]> {
  const policies: StarterPolicy[] = [];
  for (const source of sources) {
    const parsed = parseStarterPolicy(source.file, source.text);
    if (!parsed.ok)
      return fail({ code: parsed.error.code, message: `${source.file}: ${parsed.error.message}` });
    policies.push(parsed.value);
  }

  const numbers = new Set<string>();
  for (const policy of policies) {
    if (numbers.has(policy.number))
      return fail({ code: 'duplicate-number', message: `${policy.number} is used twice` });
    numbers.add(policy.number);
  }
  for (const policy of policies)
    for (const number of policy.related)
      if (!numbers.has(number) || number === policy.number) {
        const message = `${policy.number} lists ${number} as related, which is not another policy`;
        return fail({ code: 'unknown-related', message });
      }
  const notices = policies.filter((policy) => policy.isPrivacyNotice);
  if (notices.length !== 1) {
    const message = `Exactly one policy is the privacy notice, not ${notices.length}`;
    return fail({ code: 'privacy-notice-count', message });
  }

  const order = (policy: StarterPolicy) =>
    STARTER_MANUALS.find((manual) => manual.slug === policy.manual)?.order ?? 0;
  return ok(policies.sort((a, b) => order(a) - order(b) || a.number.localeCompare(b.number, 'en')));
}
