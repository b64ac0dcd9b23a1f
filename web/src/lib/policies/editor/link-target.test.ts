import { describe, expect, it } from 'vitest';
import { linkTarget } from './link-target.ts';

describe('a link typed in the policy editor', () => {
  it('goes to a filed document by its id', () => {
    expect(linkTarget('0192b3c4-aaaa-7bbb-8ccc-0123456789ab')).toBe(
      '/filing/documents/0192b3c4-aaaa-7bbb-8ccc-0123456789ab',
    );
  });
  it('keeps addresses and app pages, and reads a bare host as https', () => {
    expect(linkTarget('https://www.hhs.gov/hipaa')).toBe('https://www.hhs.gov/hipaa');
    expect(linkTarget('/policies')).toBe('/policies');
    expect(linkTarget('osha.gov')).toBe('https://osha.gov');
    expect(linkTarget('  ')).toBeNull();
  });
});
