import { describe, expect, it } from 'vitest';
import { displayNameProblem } from './staff-account.ts';

describe('displayNameProblem', () => {
  it('takes names of every alphabet and says what is wrong with the others', () => {
    for (const name of ['Rosa Díaz', 'Nguyễn Thị Lan', '李小龍', "D'Arcy O’Brien"])
      expect(displayNameProblem(name)).toBeNull();
    expect(displayNameProblem('')).toBe('Enter a display name');
    expect(displayNameProblem('Rosa\u200bDiaz')).toBe(
      'The display name holds an invisible character',
    );
    expect(displayNameProblem('Eve\u202eNIMDA')).toBe(
      'The display name holds a hidden character that changes the direction of the text',
    );
    expect(displayNameProblem('Rosa\nDiaz')).toBe('The display name must be on one line');
    expect(displayNameProblem('x'.repeat(101))).toBe(
      'The display name can be at most 100 characters',
    );
  });
});
