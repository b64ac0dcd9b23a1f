import { describe, expect, it } from 'vitest';
import { centsOf, dollarsOf, inputText, valueOf } from './custom-values.ts';

describe('money in custom fields', () => {
  it('stores cents and shows dollars', () => {
    expect(centsOf('$1,234.5')).toBe(123450);
    expect(centsOf('12')).toBe(1200);
    expect(centsOf('-0.05')).toBe(-5);
    expect(centsOf('12.345')).toBeNull();
    expect(centsOf('twelve')).toBeNull();
    expect(dollarsOf(123450)).toBe('1,234.50');
    expect(dollarsOf(-5)).toBe('-0.05');
    expect(inputText({ fieldType: 'money' }, 1999)).toBe('19.99');
  });

  it('refuses what is not a value of the field’s type, and empties a cleared field', () => {
    const amount = { fieldType: 'money' as const, name: 'Amount' };
    expect(valueOf(amount, '19.99')).toEqual({ ok: true, value: 1999 });
    expect(valueOf(amount, 'lots').ok).toBe(false);
    expect(valueOf(amount, '  ')).toEqual({ ok: true, value: undefined });
    const plan = { fieldType: 'choice' as const, name: 'Plan', choices: ['HMO', 'PPO'] };
    expect(valueOf(plan, 'PPO')).toEqual({ ok: true, value: 'PPO' });
    expect(valueOf(plan, 'EPO').ok).toBe(false);
    expect(valueOf({ fieldType: 'yes-no', name: 'Signed' }, 'no')).toEqual({
      ok: true,
      value: false,
    });
  });
});
