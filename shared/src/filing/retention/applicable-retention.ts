import type { RetentionRule } from './retention-rule.ts';

/** A retention rule as the practice files it: on a document type, or on a category. */
export interface ScopedRetentionRule extends RetentionRule {
  id: string;
  /** On documents filed in this category or anywhere under it. */
  categoryId?: string | undefined;
  /** On documents of this type (with `categoryId` too: of this type under that category). */
  documentTypeId?: string | undefined;
  /** No longer applied; kept for the disposition entries that name it. */
  archived?: boolean | undefined;
}

/** Where a document sits, as retention reads it. */
export interface RetentionSubject {
  documentTypeId?: string | undefined;
  /** Its category first, then that category's parent, and so on to the top of the tree. */
  categoryChain: readonly string[];
}

export type RetentionLevel =
  { level: 'document-type'; documentTypeId: string } | { level: 'category'; categoryId: string };

/**
 * The rules that decide a document's retention: those of the most specific level that has
 * any — its document type, then its own category, then each ancestor category in turn, nearest
 * first. "Labs are kept 10 years" beats "Clinical is kept 7" for a lab, wherever the lab is
 * filed. Several rules may apply at that level; the caller keeps the one that ends last. Null
 * when no rule reaches the document (it is then never due).
 */
export function applicableRetentionRules<R extends ScopedRetentionRule>(
  subject: RetentionSubject,
  rules: readonly R[],
): { level: RetentionLevel; rules: R[] } | null {
  const live = rules.filter((rule) => !rule.archived);
  const { documentTypeId, categoryChain } = subject;
  if (documentTypeId !== undefined) {
    const ofType = live.filter(
      (rule) =>
        rule.documentTypeId === documentTypeId &&
        (rule.categoryId === undefined || categoryChain.includes(rule.categoryId)),
    );
    if (ofType.length > 0)
      return { level: { level: 'document-type', documentTypeId }, rules: ofType };
  }
  for (const categoryId of categoryChain) {
    const ofCategory = live.filter(
      (rule) => rule.documentTypeId === undefined && rule.categoryId === categoryId,
    );
    if (ofCategory.length > 0)
      return { level: { level: 'category', categoryId }, rules: ofCategory };
  }
  return null;
}
