import { describe, expect, it } from 'vitest';
import { describeDatabase, readServerConfig } from './server-config.ts';

const read = (env: Record<string, string>) => readServerConfig(env, [], '/srv/clinicdesk');

describe('the database setting', () => {
  it('is SQLite in the data directory when DATABASE_URL is not set', () => {
    const config = read({ DATA_DIR: '/var/lib/clinicdesk' });
    expect(config.ok && config.value.database).toEqual({
      kind: 'sqlite',
      file: '/var/lib/clinicdesk/clinicdesk.sqlite',
    });
  });

  it('is PostgreSQL when DATABASE_URL is set', () => {
    const url = 'postgres://clinic:s3cret@db.internal:5432/clinicdesk';
    const config = read({ DATABASE_URL: url });
    expect(config.ok && config.value.database).toEqual({ kind: 'postgres', url });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, without repeating it', () => {
    for (const url of ['mysql://root:s3cret@db/clinic', 'not a url s3cret']) {
      const config = read({ DATABASE_URL: url });
      expect(config.ok).toBe(false);
      expect(JSON.stringify(config)).not.toContain('s3cret');
    }
  });

  it('is logged without its password', () => {
    expect(
      describeDatabase({
        kind: 'postgres',
        url: 'postgres://clinic:s3cret@db.internal/clinicdesk',
      }),
    ).toBe('PostgreSQL postgres://clinic:*****@db.internal/clinicdesk');
    expect(
      describeDatabase({
        kind: 'postgres',
        url: 'postgresql://db.internal/clinicdesk?password=s3cret',
      }),
    ).not.toContain('s3cret');
    expect(describeDatabase({ kind: 'sqlite', file: '/data/clinicdesk.sqlite' })).toBe(
      'SQLite /data/clinicdesk.sqlite',
    );
  });
});

describe('TRUST_PROXY', () => {
  it('is off unless set to true, and refuses anything else', () => {
    const off = read({});
    expect(off.ok && off.value.trustProxy).toBe(false);
    const on = read({ TRUST_PROXY: 'true' });
    expect(on.ok && on.value.trustProxy).toBe(true);
    expect(read({ TRUST_PROXY: 'yes' })).toEqual({
      ok: false,
      error: 'TRUST_PROXY must be true or false (got yes)',
    });
  });
});
