import { describe, expect, it } from 'vitest';
import { collectStarterPolicies } from './collect-starter-policies.ts';
import { parseLegalReference } from './legal-reference.ts';
import { parseStarterPolicy } from './starter-policy.ts';

const FILE = 'front-desk/FD-09-lost-and-found.md';
const policyText = (front: string, body = '## Purpose\n\nKeep things.\n\n## Related\n\n- FD-01 Check-in\n') => `---\n${front}\n---\n\n${body}`; // prettier-ignore
const FRONT = [
  'number: FD-09',
  'title: Lost and found',
  'manual: front-desk',
  'area: Front desk',
  'ownerRole: Office Manager',
  'legalReferences:',
  '  - 45 CFR 164.530(c)',
].join('\n');

describe('parseStarterPolicy', () => {
  it('reads the front matter, the body and the related numbers; review every 12 months by default', () => {
    const parsed = parseStarterPolicy(FILE, policyText(FRONT).replaceAll('\n', '\r\n'));
    expect(parsed).toEqual({
      ok: true,
      value: {
        number: 'FD-09',
        title: 'Lost and found',
        manual: 'front-desk',
        area: 'Front desk',
        ownerRole: 'Office Manager',
        legalReferences: ['45 CFR 164.530(c)'],
        reviewMonths: 12,
        isPrivacyNotice: false,
        related: ['FD-01'],
        body: '## Purpose\n\nKeep things.\n\n## Related\n\n- FD-01 Check-in',
        file: FILE,
      },
    });
  });

  it.each([
    ['no front matter', FILE, '## Purpose\n', 'front-matter-missing'],
    ['a line that is not a field', FILE, policyText(`${FRONT}\njust words`), 'front-matter-line'],
    ['an unknown field', FILE, policyText(`${FRONT}\nstatus: draft`), 'unknown-field'],
    ['no title', FILE, policyText(FRONT.replace('title: Lost and found\n', '')), 'missing-field'],
    ['no legal reference', FILE, policyText(FRONT.replace(/legalReferences:[\s\S]*/, 'legalReferences:')), 'missing-field'], // prettier-ignore
    ['a citation in another form', FILE, policyText(FRONT.replace('45 CFR 164.530(c)', 'HIPAA §164.530')), 'invalid-legal-reference'], // prettier-ignore
    ['a number of another manual', FILE, policyText(FRONT.replace('number: FD-09', 'number: HR-09')), 'invalid-number'], // prettier-ignore
    ['a file named for another number', 'front-desk/FD-08-lost.md', policyText(FRONT), 'file-name-mismatch'], // prettier-ignore
    ['an unknown manual', FILE, policyText(FRONT.replace('manual: front-desk', 'manual: billing')), 'unknown-manual'], // prettier-ignore
    ['a review interval of 0', FILE, policyText(`${FRONT.replace('legalReferences:', 'reviewMonths: 0\nlegalReferences:')}`), 'invalid-field'], // prettier-ignore
    ['a related line without a number', FILE, policyText(FRONT, '## Related\n\n- Check-in\n'), 'related-malformed'], // prettier-ignore
    ['no body', FILE, policyText(FRONT, ''), 'empty-body'],
  ])('refuses %s', (_, file, text, code) => {
    const parsed = parseStarterPolicy(file, text);
    expect(parsed.ok ? null : parsed.error.code).toBe(code);
  });
});

describe('collectStarterPolicies', () => {
  const notice = {
    file: 'hipaa-privacy/PRIV-01-notice.md',
    text: policyText(
      FRONT.replace('FD-09', 'PRIV-01')
        .replace('front-desk', 'hipaa-privacy')
        .concat('\nprivacyNotice: true'),
      'The notice.',
    ),
  };
  const checkIn = { file: 'front-desk/FD-01-check-in.md', text: policyText(FRONT.replace('FD-09', 'FD-01'), 'Check in.') }; // prettier-ignore
  const lost = { file: FILE, text: policyText(FRONT) };

  it('orders policies by manual, then number', () => {
    const collected = collectStarterPolicies([lost, checkIn, notice]);
    expect(collected.ok && collected.value.map((p) => p.number)).toEqual(['PRIV-01', 'FD-01', 'FD-09']); // prettier-ignore
  });

  it('refuses a number used twice, a related policy that is not there, and other than one notice', () => {
    const code = (sources: Parameters<typeof collectStarterPolicies>[0]) => {
      const collected = collectStarterPolicies(sources);
      return collected.ok ? null : collected.error.code;
    };
    expect(code([notice, checkIn, lost, { ...checkIn, file: 'front-desk/FD-01-again.md' }])).toBe('duplicate-number'); // prettier-ignore
    expect(code([notice, lost])).toBe('unknown-related');
    expect(code([checkIn, lost])).toBe('privacy-notice-count');
  });
});

describe('parseLegalReference', () => {
  it('reads a section and its paragraphs; refuses other forms', () => {
    expect(parseLegalReference('45 CFR 164.308(a)(1)(ii)(C)')).toEqual({
      title: 45,
      part: 164,
      section: '164.308',
      paragraphs: ['a', '1', 'ii', 'C'],
    });
    for (const text of [
      '45 CFR 164',
      '45 CFR §164.524',
      '164.524',
      '45 C.F.R. 164.524',
      '45 CFR 164.524 (b)',
    ])
      // prettier-ignore
      expect(parseLegalReference(text), text).toBeNull();
  });
});
