import { STARTER_POLICIES, STARTER_PRIVACY_NOTICE } from './starter-manual.generated.ts';
import { STARTER_MANUALS, type StarterManual, type StarterManualSlug } from './starter-manuals.ts';
import type { StarterPolicy } from './starter-policy.ts';

/**
 * The starter manual set a practice adopts and then edits (issue 13 point 9; docs/starter-manual.md):
 * six manuals and their policies, each with its number, owner role, legal references, review
 * interval and markdown body. Pure data, loaded the same way by the web and the server: the
 * markdown files in this folder are compiled into starter-manual.generated.ts by
 * `pnpm run generate:starter-manual`.
 */

export { STARTER_MANUAL_SLUGS, STARTER_MANUALS } from './starter-manuals.ts';
export type { StarterManual, StarterManualSlug } from './starter-manuals.ts';
export type { StarterPolicy } from './starter-policy.ts';
export { isLegalReference, parseLegalReference } from './legal-reference.ts';
export type { LegalReference } from './legal-reference.ts';
export { STARTER_POLICIES, STARTER_PRIVACY_NOTICE };

/** A manual by its slug. */
export const starterManual = (slug: StarterManualSlug): StarterManual | undefined =>
  STARTER_MANUALS.find((manual) => manual.slug === slug);

/** A manual's policies, in their order (by number). */
export const starterPoliciesOf = (slug: StarterManualSlug): StarterPolicy[] =>
  STARTER_POLICIES.filter((policy) => policy.manual === slug);

/** A policy by its number, e.g. "PRIV-05". */
export const starterPolicy = (number: string): StarterPolicy | undefined =>
  STARTER_POLICIES.find((policy) => policy.number === number);
