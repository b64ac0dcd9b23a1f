import { describe, expect, it } from 'vitest';
import { jsonTextFault, textFault } from './well-formed-text.ts';

describe('textFault', () => {
  it('takes text of every alphabet, with tabs and line breaks', () => {
    for (const text of ['Zoë Nguyễn-Ørsted', '李小龍', 'فاطمه', 'Line one\nline two\tend\r\n', ''])
      expect(textFault(text)).toBeNull();
  });

  it('names what makes text unfit to store', () => {
    expect(textFault('x\ud800y')).toBe('lone-surrogate');
    expect(textFault('x\udfff')).toBe('lone-surrogate');
    expect(textFault('x\u0000y')).toBe('control-character');
    expect(textFault('bell\u0007')).toBe('control-character');
    expect(textFault('del\u007f')).toBe('control-character');
    expect(textFault('c1\u0085')).toBe('control-character');
    expect(textFault('Austin\u202egnp.exe')).toBe('bidi-override');
    expect(textFault('a\u2067b\u2069')).toBe('bidi-override');
    expect(textFault('Jose\u0301')).toBe('not-nfc');
    expect(textFault('José')).toBeNull();
  });

  it('lets decomposed accents through where asked, but nothing else', () => {
    expect(textFault('Jose\u0301', { decomposed: 'allowed' })).toBeNull();
    expect(textFault('Jose\u0301\u0000', { decomposed: 'allowed' })).toBe('control-character');
    expect(jsonTextFault({ a: 'e\u0301', b: 'x\u202e' }, { decomposed: 'allowed' })).toMatchObject({
      path: 'b',
      fault: 'bidi-override',
    });
  });
});

describe('jsonTextFault', () => {
  it('finds a bad string at any depth, in objects and arrays, and names its place', () => {
    const value = { a: [1, { b: 'ok' }, { c: ['fine', 'x\u0000'] }] };
    expect(jsonTextFault(value)).toMatchObject({
      path: 'a.2.c.1',
      fault: 'control-character',
      message: 'The text at a.2.c.1 holds a control character such as NUL',
    });
    expect(jsonTextFault({ a: [1, true, null, 'ok'] })).toBeNull();
  });

  it('finds bad keys, and the keys JavaScript gives a meaning of its own', () => {
    expect(jsonTextFault({ ['x\ud800']: 1 })).toMatchObject({ fault: 'lone-surrogate' });
    for (const key of ['__proto__', 'constructor', 'prototype'])
      expect(jsonTextFault(JSON.parse(`{"contacts":{"${key}":{"name":"A"}}}`))).toEqual({
        path: 'contacts',
        fault: 'reserved-key',
        message: `The key "${key}" at contacts is reserved`,
      });
  });

  it('never shows the text itself in its message', () => {
    expect(jsonTextFault({ name: 'secret\u0000' })?.message).not.toContain('secret');
  });
});
