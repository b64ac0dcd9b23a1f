/**
 * Writes shared/src/policies/starter-manual/starter-manual.generated.ts: every starter policy's
 * metadata and markdown body, read from the markdown files beside it, as typed constants. The
 * texts are brought in at build time because `shared/` does no I/O and must load the same way in
 * Vite (the web) and in Node's type stripping (the server), where neither `?raw` imports nor a
 * markdown loader exist in both. index.test.ts fails whenever the file and the markdown disagree.
 * Run with `pnpm run generate:starter-manual` after editing a policy's markdown.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import {
  collectStarterPolicies,
  type StarterPolicySource,
} from '../shared/src/policies/starter-manual/collect-starter-policies.ts';

const folder = new URL('../shared/src/policies/starter-manual/', import.meta.url);
const target = fileURLToPath(new URL('starter-manual.generated.ts', folder));

const sources: StarterPolicySource[] = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.replaceAll('\\', '/'))
  .sort()
  .map((file) => ({ file, text: readFileSync(new URL(file, folder), 'utf8') }));

const collected = collectStarterPolicies(sources);
if (!collected.ok) {
  console.error(`${collected.error.code}: ${collected.error.message}`);
  process.exit(1);
}
const policies = collected.value;
const constName = (number: string) => number.replace('-', '_');
const notice = policies.find((policy) => policy.isPrivacyNotice);

const source = `// Written by scripts/generate-starter-manual.ts from the markdown files beside it: do not edit
// by hand. Edit the markdown, then run \`pnpm run generate:starter-manual\`.
import type { StarterPolicy } from './starter-policy.ts';

${policies.map((policy) => `const ${constName(policy.number)}: StarterPolicy = ${JSON.stringify(policy)};`).join('\n\n')}

/** Every starter policy, in reading order: by manual, then by number. */
export const STARTER_POLICIES: readonly StarterPolicy[] = [
${policies.map((policy) => `  ${constName(policy.number)},`).join('\n')}
];

/** The Notice of Privacy Practices: the policy whose text is the notice patients are given. */
export const STARTER_PRIVACY_NOTICE: StarterPolicy = ${constName(notice?.number ?? '')};
`;

const options = await resolveConfig(target);
writeFileSync(target, await format(source, { ...options, filepath: target }));
console.log(`written ${target} (${policies.length} policies)`);
