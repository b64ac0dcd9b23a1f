import {
  DEFAULT_RETENTION_RULES,
  type DefaultRetentionSlug,
} from '@clinicdesk/shared/filing/retention/default-retention-rules.ts';
import type { RetentionRule } from '@clinicdesk/shared/filing/retention/retention-rule.ts';
import { categoryOptions, type CategoryNode } from '../documents/category-tree.ts';

/** One of ClinicDesk's suggested schedules, placed on the practice's own tree. */
export interface SuggestedRetention {
  slug: DefaultRetentionSlug;
  label: string;
  source: string;
  rules: readonly RetentionRule[];
  /** The category it would go on: matched by name, or undefined for the person to choose. */
  categoryId: string | undefined;
  /** The matched category already has a rule of its own: offered, not proposed. */
  alreadyRuled: boolean;
}

/** "Personnel files" → "personnel-files"; "HIV & sexual health" → "hiv-and-sexual-health". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The defaults' slugs, in the order the schedule lists them. */
const DEFAULT_SLUGS = Object.keys(DEFAULT_RETENTION_RULES).filter(
  (key): key is DefaultRetentionSlug => key in DEFAULT_RETENTION_RULES,
);

const matches = (candidate: string, slug: string) =>
  candidate === slug ? 0 : candidate.startsWith(`${slug}-`) ? 1 : null;

/**
 * The category a default's slug names: one whose own name or whole path reads as the slug
 * ("Clinical" for `clinical`, "Practice › Contracts" for `contracts`), else one that begins with
 * it ("Personnel files" for `personnel`, "Administrative › Insurance cards" for
 * `administrative-insurance`); exact before begins-with, higher in the tree first, then in
 * tree order. Archived categories are never proposed. Undefined when none reads so.
 */
export function matchCategory(
  slug: string,
  categories: readonly CategoryNode[],
): string | undefined {
  let best: { id: string; rank: number; depth: number } | undefined;
  for (const option of categoryOptions(categories)) {
    const own = slugOf(option.label.trim());
    const path = slugOf(option.path);
    const rank = Math.min(matches(own, slug) ?? 9, matches(path, slug) ?? 9);
    if (rank === 9) continue;
    if (!best || rank < best.rank || (rank === best.rank && option.depth < best.depth))
      best = { id: option.value, rank, depth: option.depth };
  }
  return best?.id;
}

/**
 * ClinicDesk's suggested schedule (`DEFAULT_RETENTION_RULES`) placed on the practice's tree,
 * each with its source. A default is proposed only onto a category that has no live rule of its
 * own yet, so starting from the defaults never stacks a second rule on one the practice set.
 */
export function suggestDefaults(
  categories: readonly CategoryNode[],
  rules: readonly {
    categoryId?: string | undefined;
    documentTypeId?: string | undefined;
    archived?: boolean | undefined;
  }[],
): SuggestedRetention[] {
  const ruled = new Set(
    rules.flatMap((rule) =>
      !rule.archived && rule.categoryId && !rule.documentTypeId ? [rule.categoryId] : [],
    ),
  );
  return DEFAULT_SLUGS.map((slug) => {
    const entry = DEFAULT_RETENTION_RULES[slug];
    const categoryId = matchCategory(slug, categories);
    return {
      slug,
      label: entry.label,
      source: entry.source,
      rules: entry.rules,
      categoryId,
      alreadyRuled: categoryId !== undefined && ruled.has(categoryId),
    };
  });
}

const SHORT_BASIS: Record<RetentionRule['basis'], string> = {
  'document-date': 'from the document date',
  'last-visit': 'from the last visit',
  'age-of-majority': 'minors, from coming of age',
};

/** The rule's name: the default's label, with its basis when the default has several rules. */
export function suggestedRuleName(suggestion: SuggestedRetention, rule: RetentionRule): string {
  return suggestion.rules.length > 1
    ? `${suggestion.label} (${SHORT_BASIS[rule.basis]})`
    : suggestion.label;
}
