import { describe, expect, it } from 'vitest';
import { privacyNoticeDetailsRequired, privacyNoticePrefill } from './privacy-notice-prefill.ts';

const practice = { today: '2026-12-02', noticeVersion: '2025-09' };

describe('privacyNoticePrefill', () => {
  it.each(['acknowledged', 'not-obtained'])(
    'offers the current notice, today, once %s is chosen',
    (status) => {
      expect(privacyNoticePrefill({ 'npp.status': status }, practice)).toEqual({
        'npp.version': '2025-09',
        'npp.date': '12/02/2026',
      });
    },
  );

  it('fills nothing before an answer is chosen', () => {
    expect(privacyNoticePrefill({ 'npp.status': '' }, practice)).toEqual({});
    expect(privacyNoticePrefill({}, practice)).toEqual({});
  });

  it('never overwrites what was typed', () => {
    expect(
      privacyNoticePrefill(
        { 'npp.status': 'acknowledged', 'npp.version': '2024-01', 'npp.date': '11/30/2026' },
        practice,
      ),
    ).toEqual({});
  });

  it('leaves the version empty on a device that has never recorded a notice', () => {
    expect(
      privacyNoticePrefill(
        { 'npp.status': 'acknowledged' },
        { ...practice, noticeVersion: undefined },
      ),
    ).toEqual({ 'npp.date': '12/02/2026' });
  });
});

describe('privacyNoticeDetailsRequired', () => {
  it('is true once an answer is chosen', () => {
    expect(privacyNoticeDetailsRequired({})).toBe(false);
    expect(privacyNoticeDetailsRequired({ 'npp.status': 'acknowledged' })).toBe(true);
    expect(privacyNoticeDetailsRequired({ 'npp.status': 'not-obtained' })).toBe(true);
  });
});
