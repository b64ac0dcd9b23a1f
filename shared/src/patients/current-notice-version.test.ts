import { describe, expect, it } from 'vitest';
import type { PrivacyNotice } from './consents.schema.ts';
import { currentNoticeVersion } from './current-notice-version.ts';

const offered = (version: string, date: string): PrivacyNotice => ({
  status: 'acknowledged',
  version,
  date,
  method: 'signed-tablet',
});

describe('currentNoticeVersion', () => {
  it('is the version of the notice offered most recently', () => {
    expect(
      currentNoticeVersion([
        offered('2025-09', '2026-01-10'),
        undefined,
        offered('2026-03', '2026-04-02'),
        offered('2025-09', '2026-03-30'),
      ]),
    ).toBe('2026-03');
  });

  it('takes the higher version when two were offered the same day', () => {
    expect(currentNoticeVersion([offered('v10', '2026-04-02'), offered('v9', '2026-04-02')])).toBe(
      'v10',
    );
  });

  it('is unknown on a device without any notice', () => {
    expect(currentNoticeVersion([undefined, undefined])).toBeUndefined();
  });
});
