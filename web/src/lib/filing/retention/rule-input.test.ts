import { describe, expect, it } from 'vitest';
import { checkRuleInput, EMPTY_RULE_INPUT, inputOfRule } from './rule-input.ts';

const CATEGORY = '019d0000-0000-7000-8000-000000000010';
const filled = { ...EMPTY_RULE_INPUT, name: 'Outside records', categoryId: CATEGORY };

describe('checkRuleInput', () => {
  it('takes a whole rule', () => {
    expect(checkRuleInput({ ...filled, citation: ' 22 TAC 165.1 ' })).toEqual({
      ok: true,
      value: {
        name: 'Outside records',
        categoryId: CATEGORY,
        basis: 'document-date',
        years: 10,
        citation: '22 TAC 165.1',
      },
    });
  });

  it('asks for a name and for what the rule applies to', () => {
    expect(checkRuleInput({ ...EMPTY_RULE_INPUT, name: '  ' })).toEqual({
      ok: false,
      problems: {
        name: 'Give the rule a name staff will recognise',
        appliesTo: 'Choose the category or the document type the rule applies to',
      },
    });
  });

  it('refuses part years and out-of-range years instead of rounding them', () => {
    for (const years of ['7.5', '-1', '101', '', 'ten']) {
      const checked = checkRuleInput({ ...filled, years });
      expect(checked.ok ? null : checked.problems.years).toMatch(/whole number of years/);
    }
  });

  it('keeps the age of majority only for minors’ rules, 18 when left empty', () => {
    const minors = checkRuleInput({ ...filled, basis: 'age-of-majority', years: '7' });
    expect(minors.ok && minors.value.majorityAge).toBe(18);
    const texas = checkRuleInput({ ...filled, basis: 'age-of-majority', majorityAge: '21' });
    expect(texas.ok && texas.value.majorityAge).toBe(21);
    const adult = checkRuleInput({ ...filled, basis: 'last-visit', majorityAge: '21' });
    expect(adult.ok && 'majorityAge' in adult.value).toBe(false);
    const wrong = checkRuleInput({ ...filled, basis: 'age-of-majority', majorityAge: '30' });
    expect(wrong.ok ? null : wrong.problems.majorityAge).toMatch(/from 14 to 25/);
  });

  it('reads a stored rule back into the form unchanged', () => {
    const rule = { name: 'Labs', documentTypeId: CATEGORY, basis: 'last-visit', years: 7 } as const;
    const again = checkRuleInput(inputOfRule(rule));
    expect(again).toEqual({ ok: true, value: rule });
  });
});
