import type { SearchFilters } from './search-query.ts';
import type { SearchSetup, SearchSource } from './search-source.ts';

/** The category and every category under it, by the setup's tree (a loop is walked once). */
export function categoryAndBelow(
  categoryId: string,
  setup: ReadonlyMap<string, SearchSetup>,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const record of setup.values())
    if (record.kind === 'category' && record.parentId)
      children.set(record.parentId, [...(children.get(record.parentId) ?? []), record.id]);
  const found = new Set<string>();
  const waiting = [categoryId];
  for (let id = waiting.pop(); id !== undefined; id = waiting.pop()) {
    if (found.has(id)) continue;
    found.add(id);
    waiting.push(...(children.get(id) ?? []));
  }
  return found;
}

/** Whether a document passes every filter given. */
export function admitsAll(
  filters: SearchFilters,
  setup: ReadonlyMap<string, SearchSetup>,
): (source: SearchSource) => boolean {
  const categories =
    filters.categoryId === undefined ? null : categoryAndBelow(filters.categoryId, setup);
  const tagIds = filters.tagIds ?? [];
  return (source) =>
    (filters.includeTrashed === true || !source.trashed) &&
    (filters.patientId === undefined || source.patientId === filters.patientId) &&
    (categories === null ||
      (source.categoryId !== undefined && categories.has(source.categoryId))) &&
    (filters.documentTypeId === undefined || source.documentTypeId === filters.documentTypeId) &&
    (filters.correspondentId === undefined || source.correspondentId === filters.correspondentId) &&
    tagIds.every((tagId) => source.tagIds.includes(tagId)) &&
    // By the day the documents list dates it by: a document without a date by its capture day.
    (filters.dateFrom === undefined || source.date >= filters.dateFrom) &&
    (filters.dateTo === undefined || source.date <= filters.dateTo) &&
    (filters.filing === undefined || source.filed === (filters.filing === 'filed'));
}
