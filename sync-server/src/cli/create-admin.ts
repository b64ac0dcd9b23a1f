/**
 * Creates the first administrator (or another one):
 *   CLINICDESK_ADMIN_PASSWORD=... node sync-server/src/cli/create-admin.ts --username X --display-name "Y"
 * Without the variable the password is read from stdin (hidden when typed at a terminal).
 * Uses the same database as the server (DATA_DIR, or DATABASE_URL for PostgreSQL); stop the
 * server first or run it alongside (WAL).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeDatabase, readServerConfig } from '../server-config.ts';
import { createStaffAccount } from '../services/staff.service.ts';
import { openPostgresStore } from '../storage/postgres/postgres-store.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';

async function createAdmin(): Promise<number> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
  });
  if (!values.username || !values['display-name']) {
    console.error('Usage: create-admin.ts --username <name> --display-name "<Full Name>"');
    return 2;
  }
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const config = readServerConfig(process.env, [], repoRoot);
  if (!config.ok) {
    console.error(config.error);
    return 1;
  }

  const password = process.env.CLINICDESK_ADMIN_PASSWORD ?? (await readPassword());

  const { database } = config.value;
  if (database.kind === 'sqlite') mkdirSync(config.value.dataDir, { recursive: true });
  const store =
    database.kind === 'postgres'
      ? await openPostgresStore(database.url, { now: new Date() })
      : openSqliteStore(database.file, { now: new Date() });
  try {
    const created = await createStaffAccount(
      { store, clock: () => new Date(), randomBytes: (n) => randomBytes(n) },
      { username: values.username, displayName: values['display-name'], role: 'admin', password },
    );
    if (!created.ok) {
      console.error(created.error.message);
      return 1;
    }
    console.log(`Created administrator ${created.value.username} in ${describeDatabase(database)}`);
    // Administrators sign in with a second factor; this one has none yet.
    console.log(
      'At their first sign-in they set up two-factor sign-in: have an authenticator app ready on a phone.',
    );
    return 0;
  } finally {
    await store.close();
  }
}

/** The first line of stdin; typed at a terminal, the prompt is shown and the typing is not. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const reader = createInterface({ input: process.stdin, output, terminal: true });
  const answer = reader.question('Password for the administrator: ');
  muted = true;
  try {
    return await answer;
  } finally {
    reader.close();
    process.stdout.write('\n');
  }
}

process.exitCode = await createAdmin();
