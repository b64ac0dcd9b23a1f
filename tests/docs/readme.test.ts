import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The README is the first thing a new clinic or contributor runs from: every command it names
 * must exist, and the offline walk-through must say how to bring the server back quickly.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const scripts = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/**
 * The scripts the commands in a text's code (`…` and fenced blocks) run: `pnpm run x`, `pnpm x`
 * (pnpm's own commands aside), with or without `npx -y pnpm@…`.
 */
function scriptsNamed(text: string): string[] {
  const own = new Set(['install', 'exec', 'run', 'add', 'dlx', 'i']);
  const code = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```|`([^`\n]+)`/g)].flatMap((match) =>
    (match[1] ?? match[2] ?? '').split('\n'),
  );
  return code
    .flatMap((line) => [...line.matchAll(/pnpm(?:@[\d.]+)?[ \t]+(?:run[ \t]+)?([a-z][\w:-]*)/g)])
    .map((match) => match[1] ?? '')
    .filter((name) => !own.has(name));
}

describe('README', () => {
  it('names only scripts that package.json has', () => {
    const missing = scriptsNamed(readme).filter((name) => !(name in scripts));
    expect(missing).toEqual([]);
  });

  it('says which command restarts the server in the offline walk-through, without a rebuild', () => {
    const walkThrough = readme.split('\n\n').find((p) => p.startsWith('To see offline work'));
    expect(walkThrough, 'the offline walk-through paragraph').toBeDefined();
    const restarts = scriptsNamed(walkThrough ?? '');
    expect(restarts.length, 'a restart command in the walk-through').toBeGreaterThan(0);
    for (const name of restarts) {
      // `start` reinstalls and rebuilds: minutes, where restarting the server takes seconds.
      expect(scripts[name], name).not.toMatch(/\binstall\b|run build\b/);
    }
  });
});
