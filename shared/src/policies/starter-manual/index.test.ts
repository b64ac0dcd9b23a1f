import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectStarterPolicies } from './collect-starter-policies.ts';
import {
  isLegalReference,
  STARTER_MANUALS,
  STARTER_POLICIES,
  STARTER_PRIVACY_NOTICE,
  starterPoliciesOf,
  starterPolicy,
  type StarterPolicy,
} from './index.ts';
import { emptySections, markdownSections } from './markdown-sections.ts';

// The test reads the markdown and the docs page itself: it is what keeps the generated module
// and docs/starter-manual.md true to the files a practice's policies start from.
const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.replaceAll('\\', '/'))
  .map((file) => ({ file, text: readFileSync(new URL(file, folder), 'utf8') }));
const docs = readFileSync(new URL('../../../../docs/starter-manual.md', import.meta.url), 'utf8');
const docsSection = (heading: string) =>
  markdownSections(docs).find((s) => s.heading === heading)?.lines ?? [];

const PROCEDURE_SECTIONS = ['Purpose', 'Scope', 'Policy', 'Procedure', 'Related'];
const topHeadings = (policy: StarterPolicy) =>
  markdownSections(policy.body)
    .filter((s) => s.level === 2)
    .map((s) => s.heading);
const PLACEHOLDER = /\[([A-Z][^\]]*)\]/g;
const placeholdersIn = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[0]);

describe('the starter manual (generated: pnpm run generate:starter-manual)', () => {
  it('is in sync with its markdown files: regenerated here, it equals the generated module', () => {
    const regenerated = collectStarterPolicies(sources);
    expect(regenerated).toEqual({ ok: true, value: STARTER_POLICIES });
    expect(STARTER_POLICIES.map((p) => p.file).sort()).toEqual(sources.map((s) => s.file).sort());
  });

  it('has every manual issue 13.1 names, in order, each with policies', () => {
    expect(STARTER_MANUALS.map((m) => m.title)).toEqual([
      'HIPAA privacy',
      'HIPAA security',
      'OSHA workplace safety',
      'Emergency and downtime',
      'Front desk',
      'Personnel handbook',
    ]);
    expect(STARTER_MANUALS.map((m) => m.order)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const manual of STARTER_MANUALS)
      expect(starterPoliciesOf(manual.slug).length, manual.slug).toBeGreaterThan(1);
  });

  it('opens only emergency and downtime, and OSHA with the exposure control plan, signed out', () => {
    const signedOut = STARTER_MANUALS.filter((m) => m.readableSignedOut).map((m) => m.slug);
    expect(signedOut.sort()).toEqual(['emergency-downtime', 'osha']);
    expect(starterPolicy('OSHA-01')?.title).toBe('Bloodborne pathogens exposure control plan');
  });

  it('gives every policy its own number, starting with its manual’s prefix, in reading order', () => {
    const numbers = STARTER_POLICIES.map((p) => p.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const policy of STARTER_POLICIES) {
      const manual = STARTER_MANUALS.find((m) => m.slug === policy.manual);
      expect(policy.number).toMatch(new RegExp(`^${manual?.numberPrefix}-\\d{2}$`));
    }
    expect(starterPoliciesOf('hipaa-privacy').map((p) => p.number)).toEqual(
      Array.from({ length: 12 }, (_, i) => `PRIV-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('cites at least one CFR section for every policy, each in the recognised form', () => {
    for (const policy of STARTER_POLICIES) {
      expect(policy.legalReferences.length, policy.number).toBeGreaterThan(0);
      for (const reference of policy.legalReferences)
        expect(isLegalReference(reference), `${policy.number}: ${reference}`).toBe(true);
    }
    const cites = (slug: 'hipaa-privacy' | 'hipaa-security' | 'osha', part: RegExp) =>
      starterPoliciesOf(slug).every((p) => p.legalReferences.some((r) => part.test(r)));
    expect(cites('hipaa-privacy', /^45 CFR 164\.\d+/)).toBe(true);
    expect(cites('hipaa-security', /^45 CFR 164\.3\d\d/)).toBe(true);
    expect(cites('osha', /^29 CFR 19\d\d\./)).toBe(true);
  });

  it('covers every rule the starter manual is asked to answer (issue 13.9)', () => {
    const cited = STARTER_POLICIES.flatMap((p) => p.legalReferences);
    // A rule counts as cited by itself or by one of its paragraphs: 164.312(a)(2)(i) is not
    // answered by 164.312(a)(2)(iii).
    const covered = (rule: string) => cited.some((r) => r === rule || r.startsWith(`${rule}(`));
    const rules = [
      ...['164.520', '164.502(b)', '164.514(d)', '164.524', '164.524(c)(4)', '164.526'],
      ...['164.528', '164.514(h)', '164.508', '164.530(e)', '164.530(b)', '164.530(d)'],
      ...['164.402', '164.404', '164.406', '164.408', '164.410', '164.414', '164.308(a)(1)'],
      ...['164.310(b)', '164.310(c)', '164.312(a)(2)(iii)', '164.312(a)(2)(i)', '164.312(d)'],
      ...['164.308(a)(7)', '164.310(d)', '164.312(b)'],
    ].map((section) => `45 CFR ${section}`);
    const osha = ['1910.1030', '1910.1030(h)(5)', '1910.1200', '1910.38', '1910.39'];
    const missing = [...rules, ...osha.map((s) => `29 CFR ${s}`)].filter((r) => !covered(r));
    expect(missing).toEqual([]);
  });

  it('marks exactly one policy as the privacy notice, whose text is the full notice', () => {
    expect(STARTER_POLICIES.filter((p) => p.isPrivacyNotice)).toEqual([STARTER_PRIVACY_NOTICE]);
    const notice = STARTER_PRIVACY_NOTICE;
    expect(notice).toMatchObject({ number: 'PRIV-01', manual: 'hipaa-privacy' });
    expect(notice.legalReferences).toContain('45 CFR 164.520');
    // The header 45 CFR 164.520(b)(1)(i) requires, word for word.
    expect(notice.body.split('\n')[0]).toBe(
      '**THIS NOTICE DESCRIBES HOW MEDICAL INFORMATION ABOUT YOU MAY BE USED AND DISCLOSED AND HOW YOU CAN GET ACCESS TO THIS INFORMATION. PLEASE REVIEW IT CAREFULLY.**',
    );
    expect(topHeadings(notice)).toEqual(
      expect.arrayContaining([
        'How we use and share your health information',
        'Your rights',
        'Our duties',
        'Complaints',
        'Contact',
        'Effective date',
      ]),
    );
    const rights = markdownSections(notice.body).map((s) => s.heading);
    for (const right of ['Get a copy of your records', 'Ask us to correct your records', 'Get a paper copy of this notice'])
      expect(rights).toContain(right); // prettier-ignore
    expect(notice.body).toContain('[Effective date]');
    expect(notice.body).toContain('Office for Civil Rights');
  });

  it('gives every procedure its Purpose, Scope, Policy, Procedure and Related, in order', () => {
    for (const policy of STARTER_POLICIES.filter((p) => !p.isPrivacyNotice)) {
      const headings = topHeadings(policy).filter((h) => PROCEDURE_SECTIONS.includes(h));
      expect(headings, policy.number).toEqual(PROCEDURE_SECTIONS);
      expect(policy.related.length, policy.number).toBeGreaterThan(0);
    }
  });

  it('leaves no heading empty', () => {
    for (const policy of STARTER_POLICIES)
      expect(emptySections(markdownSections(policy.body)), policy.number).toEqual([]);
  });

  it('writes bodies only in what the editor holds: headings, paragraphs, lists, task lists, tables, bold', () => {
    const LINE_FORMS = [/^$/, /^#{2,3} \S/, /^- \[ \] \S/, /^- \S/, /^\d+\. \S/, /^\|.*\|$/];
    const PARAGRAPH = /^(\*\*|[^\s#>|<`*+\-=~_])/;
    for (const policy of STARTER_POLICIES) {
      const lines = policy.body.split('\n');
      for (const line of lines) {
        const where = `${policy.number}: ${line}`;
        expect(LINE_FORMS.some((form) => form.test(line)) || PARAGRAPH.test(line), where).toBe(
          true,
        );
        expect(/`|\]\(|!\[|<[a-zA-Z/!]|_/.test(line), where).toBe(false);
        // Bold is the only inline mark; a lone * would be italics.
        expect(line.replace(/^- /, '').replace(/\*\*[^*]+\*\*/g, ''), where).not.toContain('*');
      }
      // A table is a header, a separator, and rows with as many cells as the header.
      const tables = policy.body.split(/\n(?!\|)/).map((b) => b.split('\n')).filter((b) => b[0]?.startsWith('|')); // prettier-ignore
      for (const table of tables) {
        const cells = (row: string) => row.split('|').length;
        expect(table[1], policy.number).toMatch(/^\|( *:?-+:? *\|)+$/);
        for (const row of table) expect(cells(row), `${policy.number}: ${row}`).toBe(cells(table[0] ?? '')); // prettier-ignore
      }
    }
  });

  it('lists as related only other policies, by their current titles', () => {
    for (const policy of STARTER_POLICIES) {
      const related = markdownSections(policy.body).find((s) => s.heading === 'Related');
      for (const line of related?.lines.filter((l) => l !== '') ?? []) {
        const [, number = '', title] = /^- ([A-Z]+-\d{2}) (.+)$/.exec(line) ?? [];
        expect(number, policy.number).not.toBe(policy.number);
        expect(title, `${policy.number} → ${number}`).toBe(starterPolicy(number)?.title);
      }
    }
  });

  it('leaves no placeholder but the bracketed ones docs/starter-manual.md lists, and uses them all', () => {
    const documented = new Set(docsSection('Placeholders').filter((l) => l.startsWith('| [')).flatMap(placeholdersIn)); // prettier-ignore
    const used = new Set<string>();
    for (const policy of STARTER_POLICIES) {
      for (const placeholder of placeholdersIn(policy.body)) {
        expect(documented, `${policy.number}: ${placeholder}`).toContain(placeholder);
        used.add(placeholder);
      }
      // No other brackets (task markers aside), and none of the usual signs of unfinished text.
      const rest = policy.body.replace(/^- \[ \] /gm, '- ').replace(PLACEHOLDER, '');
      expect(rest, policy.number).not.toMatch(/[[\]{}]|\bTODO\b|\bTBD\b|XXX|lorem|___/i);
      for (const field of [policy.title, policy.area, policy.ownerRole])
        expect(field, policy.number).not.toMatch(/[[\]]/);
    }
    expect([...documented].filter((p) => !used.has(p))).toEqual([]);
  });

  it('names as owner only the four roles the docs explain', () => {
    const owners = new Set(STARTER_POLICIES.map((p) => p.ownerRole));
    expect([...owners].sort()).toEqual([
      'Office Manager',
      'Privacy Officer',
      'Safety Coordinator',
      'Security Officer',
    ]);
  });

  it('lists in docs/starter-manual.md the sources of every policy, as the policy cites them', () => {
    const rows = docsSection('Sources').filter((l) => /^\| [A-Z]+-\d{2} /.test(l));
    const table = rows.map((row) =>
      row
        .split('|')
        .map((cell) => cell.trim())
        .slice(1, 4),
    );
    expect(table).toEqual(
      STARTER_POLICIES.map((p) => [p.number, p.title, p.legalReferences.join('; ')]),
    );
  });
});
