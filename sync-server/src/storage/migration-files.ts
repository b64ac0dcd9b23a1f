import { readdirSync, readFileSync } from 'node:fs';

const MIGRATION_FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;

export type Migration = { version: number; name: string; sql: string };

/**
 * The numbered SQL files of a migrations folder (`0001-initial.sql`, …), in order. A gap or a
 * duplicate is a bug: the database would skip or repeat a step.
 */
export function loadMigrationFiles(dir: URL, label: string): Migration[] {
  const migrations = readdirSync(dir)
    .flatMap((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) return [];
      const sql = readFileSync(new URL(file, dir), 'utf8');
      return [{ version: Number(match[1]), name: match[2] ?? file, sql }];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`${label} migrations must be numbered 0001, 0002, … without gaps (${dir})`);
  });
  return migrations;
}
