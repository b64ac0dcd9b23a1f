import { describe, expect, it } from 'vitest';
import { destroyRefusalInWords } from './destroy-refusal.ts';

const api = (code: 'legal-hold' | 'not-due' | 'not-found' | 'internal', message = 'Broken') =>
  ({ ok: false, kind: 'api', status: 409, code, message }) as const;

describe('destroyRefusalInWords', () => {
  it('names the hold when a legal hold applies', () => {
    expect(destroyRefusalInWords(api('legal-hold'), 'Lab report 2009')).toBe(
      '“Lab report 2009” was not destroyed: a legal hold applies to it. It is kept until the hold is released.',
    );
  });

  it('says a document not yet due is still kept', () => {
    expect(destroyRefusalInWords(api('not-due'), 'X')).toMatch(/still within its retention period/);
  });

  it('says destroying needs the server when it cannot be reached', () => {
    const offline = {
      ok: false,
      kind: 'network',
      message: 'The server cannot be reached',
    } as const;
    expect(destroyRefusalInWords(offline, 'X')).toMatch(/needs a connection to the server/);
  });

  it('says nothing was destroyed for every refusal', () => {
    for (const code of ['legal-hold', 'not-due', 'internal'] as const)
      expect(destroyRefusalInWords(api(code), 'X')).toMatch(/was not destroyed/);
  });
});
