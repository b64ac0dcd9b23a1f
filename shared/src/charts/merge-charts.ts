import { formatPatientField, patientFieldLabel } from '../patients/patient-fields.ts';
import type { Patient } from '../patients/patient.schema.ts';
import { canonicalJson } from '../sync/canonical-json.ts';
import { isPlainObject } from '../sync/merge.ts';
import type { ChartMerge, MergeChoice } from './chart-merge.schema.ts';

/**
 * Field-by-field merge of two charts of one person. Every top-level field the charts have
 * differently is offered; the person picks whose value the surviving chart keeps, or, for lists
 * (coverage, contacts…), both. The merged-away chart keeps its values and points at the survivor.
 */

/** Never offered: identity and bookkeeping of each chart stay its own. */
const NOT_MERGED = new Set([
  'id',
  'chartNumber',
  'mergedInto',
  'createdAt',
  'updatedAt',
  'editedBy',
  'conflicts',
]);

/**
 * Groups whose parts are chosen one by one: each insurance plan, each consent, each other phone,
 * each communication permission (the primary plan from one chart, the secondary from the other).
 */
const BY_PART = new Set(['coverage', 'consents', 'otherPhones', 'communication']);
/** Collections keyed by entry id, where keeping both charts' entries makes sense. */
const KEYED = new Set(['emergencyContacts', 'previousNames']);

export type MergeField = {
  path: string;
  survivor: unknown;
  merged: unknown;
  /** A list field, where keeping both charts' entries makes sense. */
  list: boolean;
  /** What is picked before the person changes anything: a value over an empty one, else the survivor's. */
  suggested: MergeChoice;
};

/** The fields two charts have differently, in a stable order (as the survivor lists its fields). */
export function mergeFields(survivor: Patient, merged: Patient): MergeField[] {
  const a = flattenParts(survivor as Record<string, unknown>);
  const b = flattenParts(merged as Record<string, unknown>);
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (path) =>
      !NOT_MERGED.has(path) && canonicalJson(a[path] ?? null) !== canonicalJson(b[path] ?? null),
  );
  return paths.map((path) => {
    const list = Array.isArray(a[path]) || Array.isArray(b[path]) || KEYED.has(path);
    const suggested: MergeChoice =
      a[path] === undefined ? 'merged' : list && b[path] !== undefined ? 'both' : 'survivor';
    return { path, survivor: a[path], merged: b[path], list, suggested };
  });
}

/** Top-level fields, with the groups chosen part by part split into `group.part`. */
function flattenParts(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (BY_PART.has(key) && isPlainObject(value))
      for (const [part, inner] of Object.entries(value)) out[`${key}.${part}`] = inner;
    else out[key] = value;
  }
  return out;
}

/** Sets (or, with undefined, removes) `group.part` or a top-level field; drops emptied groups. */
function setPart(doc: Record<string, unknown>, path: string, value: unknown): void {
  const [head = path, part] = path.split('.');
  if (part === undefined) {
    doc[head] = value;
    return;
  }
  const group = { ...(isPlainObject(doc[head]) ? doc[head] : {}), [part]: value };
  doc[head] = Object.values(group).some((v) => v !== undefined) ? group : undefined;
}

/** A field's value as staff read it on the merge screen. */
export function describeMergeValue(path: string, value: unknown): string {
  if (value === undefined || value === null) return '(empty)';
  if (Array.isArray(value))
    return value.length === 0
      ? '(empty)'
      : value.map((v) => formatPatientField(path, v)).join(', ');
  if (path === 'address' || path === 'mailingAddress') return formatPatientField('address', value);
  if (!isPlainObject(value) || path === 'photo') return formatPatientField(path, value);
  const parts: string[] = [];
  const walk = (prefix: string, inner: unknown, shown: string) => {
    if (isPlainObject(inner))
      for (const [key, v] of Object.entries(inner))
        walk(`${prefix}.${key}`, v, KEYED.has(path) && prefix === path ? path : `${shown}.${key}`);
    else {
      const label = patientFieldLabel(shown).replace(/^.*?: /, '');
      parts.push(`${label}: ${formatPatientField(shown.split('.').at(-1) ?? shown, inner)}`);
    }
  };
  walk(path, value, path);
  return parts.join('; ');
}

export type ChartMergePlan = {
  survivor: Patient;
  merged: Patient;
  record: ChartMerge;
};

/**
 * The survivor with the chosen values, the merged-away chart pointing at it, and the record of
 * the merge. `choices` must name every field `mergeFields` offered; `both` is only for lists.
 */
export function mergeCharts(
  survivor: Patient,
  merged: Patient,
  choices: Record<string, MergeChoice>,
  recordId: string,
  now: Date,
): ChartMergePlan {
  const at = now.toISOString();
  const next: Record<string, unknown> = { ...survivor };
  const recorded: Record<string, MergeChoice> = {};
  for (const field of mergeFields(survivor, merged)) {
    const choice = choices[field.path] ?? field.suggested;
    recorded[field.path] = choice;
    if (choice === 'merged') setPart(next, field.path, field.merged);
    else if (choice === 'both') setPart(next, field.path, unionOf(field.survivor, field.merged));
  }
  return {
    survivor: withoutUndefined({ ...next, updatedAt: at }) as Patient,
    merged: { ...merged, mergedInto: survivor.id, updatedAt: at },
    record: withoutUndefined({
      id: recordId,
      kind: 'chartMerge',
      survivorId: survivor.id,
      mergedId: merged.id,
      survivorChartNumber: survivor.chartNumber,
      mergedChartNumber: merged.chartNumber,
      choices: recorded,
      createdAt: at,
      updatedAt: at,
    }),
  };
}

/** Both lists' entries, the survivor's first, each entry once (keyed: the survivor's on a clash). */
function unionOf(a: unknown, b: unknown): unknown {
  if (isPlainObject(a) || isPlainObject(b))
    return { ...(isPlainObject(b) ? b : {}), ...(isPlainObject(a) ? a : {}) };
  const entries = [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])] as unknown[];
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = canonicalJson(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The chart staff should see for `id`: itself while it is active, else the chart it was merged
 * into, followed along a chain of merges. Two devices that merged the same charts in opposite
 * directions while offline leave a loop; then the chart with the smallest id in the loop stays
 * active, the same on every device, so nothing vanishes from the list.
 */
export function activeChartId(
  id: string,
  mergedIntoOf: (id: string) => string | undefined,
): string {
  const path: string[] = [];
  let current = id;
  for (;;) {
    const loopAt = path.indexOf(current);
    if (loopAt >= 0) return path.slice(loopAt).sort()[0] ?? current;
    path.push(current);
    const next = mergedIntoOf(current);
    if (next === undefined) return current;
    current = next;
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The charts still in use: merged-away charts leave the list and the search. */
export function activePatients<T extends { id: string; mergedInto?: string | undefined }>(
  patients: readonly T[],
): T[] {
  if (!patients.some((patient) => patient.mergedInto !== undefined)) return [...patients];
  const links = new Map(patients.map((patient) => [patient.id, patient.mergedInto]));
  return patients.filter(
    (patient) => activeChartId(patient.id, (id) => links.get(id)) === patient.id,
  );
}
