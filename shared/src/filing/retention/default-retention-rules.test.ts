import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_RULES } from './default-retention-rules.ts';

const doc = readFileSync(
  new URL('../../../../docs/filing-retention-defaults.md', import.meta.url),
  'utf8',
);

describe('the documented retention defaults', () => {
  it('lists every default the code ships, with its years', () => {
    for (const [slug, retention] of Object.entries(DEFAULT_RETENTION_RULES)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${slug}\``));
      expect(row, slug).toBeDefined();
      for (const rule of retention.rules) expect(row, slug).toContain(`${rule.years} years`);
    }
  });
});
