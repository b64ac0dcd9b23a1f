import { acknowledgmentDuties } from '@clinicdesk/shared/acknowledgments/acknowledgment-duties.ts';
import { acknowledgmentReport } from '@clinicdesk/shared/acknowledgments/acknowledgment-report.ts';
import type { AcknowledgmentCampaign } from '@clinicdesk/shared/acknowledgments/acknowledgment-campaign.schema.ts';
import { versionIdOf } from '@clinicdesk/shared/policies/policy-ids.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { acknowledge } from '../../web/src/lib/acknowledgments/acknowledgments.actions.ts';
import { readPolicyText } from '../../web/src/lib/acknowledgments/policy-reading.ts';
import { openClinicDatabase, type ClinicDatabase } from '../../web/src/lib/db/database.ts';
import { PolicyTextEditor } from '../../web/src/lib/policies/editor/policy-text-editor.svelte.ts';
import { printPolicies } from '../../web/src/lib/policies/print/policy-pdf.ts';
import { renderPolicyText } from '../../web/src/lib/policies/print/policy-render.ts';
import {
  h,
  li,
  ol,
  p,
  policyTextFrom,
  type Spec,
} from '../../web/src/lib/policies/print/policy-text.fixture.ts';
import { PolicySearchIndex } from '../../web/src/lib/policies/search/policy-search-index.ts';
import type { Workspace } from '../../web/src/lib/workspace.ts';
import type { BenchPolicy, ReportData, Section } from './policies-data.ts';

/**
 * The policy benchmarks' page side, bundled into one script with the app's own modules (the
 * clinic database on Dexie with strict durability, the read-only editor the policy page shows,
 * the acknowledgment action, the policy search index, the report's rules) and the raw
 * IndexedDB baselines, measured in the same page, alternating sample by sample.
 */
const DEVICE = '019abc00-0000-7000-8000-00000000be01';
const USER = { userId: 'u-bench', name: 'Bench Manager', deviceId: DEVICE };
const POLICY = '019abc00-0000-7000-8000-00000000be02';
const STAMP = '2026-01-05T09:00:00.000Z';

let db: ClinicDatabase | null = null;
let raw: IDBDatabase | null = null;
const host = () => document.getElementById('host')!;

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('versions', { keyPath: 'id' });
      request.result.createObjectStore('acknowledgments', { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('cannot open'));
  });
}

function putStrict(store: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = raw!.transaction(store, 'readwrite', { durability: 'strict' });
    tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('put failed'));
  });
}

function getRaw<T>(store: string, id: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = raw!.transaction(store, 'readonly').objectStore(store).get(id);
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('get failed'));
  });
}

const versionRecord = (number: number, text: string, extra: Partial<PolicyVersion> = {}): PolicyVersion => ({
  id: versionIdOf(POLICY, number),
  kind: 'policyVersion',
  policyId: POLICY,
  versionNumber: number,
  status: 'published',
  effectiveOn: '2026-02-01',
  materialChange: true,
  text,
  reviewRound: 1,
  approvers: [],
  authors: [],
  createdAt: STAMP,
  updatedAt: STAMP,
  ...extra,
}); // prettier-ignore

function textOf(sections: readonly Section[]): string {
  const specs: Spec[] = sections.flatMap((section) => [
    h(2, section.heading),
    ...section.paragraphs.map((text) => p(text)),
    ol(...section.steps.map((step) => li(p(step)))),
    {
      node: 'table',
      content: section.table.map((row, index) => ({
        node: 'tableRow',
        content: row.map((cell) => ({ node: index === 0 ? 'tableHeader' : 'tableCell', content: [p(cell)] })), // prettier-ignore
      })),
    },
  ]);
  return policyTextFrom(h(1, 'Exposure control plan'), ...specs);
}

/** Opens the app's database and the raw one; stores the long policy in both (untimed). */
async function prepare(input: { sections: Section[] }) {
  const name = `bench-policies-${Date.now()}`;
  db = await openClinicDatabase(USER.userId, USER, { name, only: ['policies', 'acknowledgments'] }); // prettier-ignore
  raw = await openRaw(`${name}-raw`);
  const text = textOf(input.sections);
  const version = versionRecord(1, text);
  await db.policies.insert(version);
  const { html, blocks } = await renderPolicyText(text);
  await putStrict('versions', { id: version.id, html });
  const words = blocks
    .flatMap((b) =>
      b.type === 'table' ? b.rows.flatMap((r) => r.cells) : b.type === 'rule' ? [] : [b.text],
    ) // prettier-ignore
    .join(' ')
    .split(/\s+/).length;
  // How many US Letter pages the app's own printout of it takes (its PDF, Helvetica).
  const printed = await printPolicies({
    policies: [{ number: 'OSHA-01', title: 'Exposure control plan', area: 'OSHA', legalReferences: [], versionNumber: 1, effectiveOn: '2026-02-01', status: 'Published', inForce: true, blocks }], // prettier-ignore
    printedOn: '2026-02-01',
    printedBy: 'Bench',
    createdAt: new Date(STAMP),
  });
  return { words, pages: printed.pageCount, textBytes: text.length };
}

const layout = () => host().getBoundingClientRect().height;

/** From the stored record to the text laid out on screen: editor, renderer, raw HTML. */
async function open(input: { rounds: number; warmup: number }) {
  const id = versionIdOf(POLICY, 1);
  const editorMs: number[] = [];
  const renderMs: number[] = [];
  const rawMs: number[] = [];
  let height = 0;
  for (let round = 0; round < input.rounds + input.warmup; round++) {
    const keep = round >= input.warmup;
    let at = performance.now();
    const doc = await db!.policies.findOne(id).exec();
    const view = new PolicyTextEditor(host(), (doc as unknown as PolicyVersion).text, {
      editable: false,
      label: 'Exposure control plan, version 1',
    });
    height = layout();
    if (keep) editorMs.push(performance.now() - at);
    view.destroy();
    host().replaceChildren();

    at = performance.now();
    const again = await db!.policies.findOne(id).exec();
    host().innerHTML = (await renderPolicyText((again as unknown as PolicyVersion).text)).html;
    layout();
    if (keep) renderMs.push(performance.now() - at);
    host().replaceChildren();

    at = performance.now();
    host().innerHTML = (await getRaw<{ html: string }>('versions', id)).html;
    layout();
    if (keep) rawMs.push(performance.now() - at);
    host().replaceChildren();
  }
  return { editorMs, renderMs, rawMs, height };
}

/** Builds the index over the library, then times each typed query, top 20 as the screen asks. */
function search(input: { policies: BenchPolicy[]; queries: string[]; warmup: number }) {
  const started = performance.now();
  const index = new PolicySearchIndex(
    input.policies.map((policy) => ({ ...policy, versionNumber: 1, versionState: 'In force' })),
  );
  const buildMs = performance.now() - started;
  for (const query of input.queries.slice(0, input.warmup)) index.search(query, 20);
  const ms: number[] = [];
  let found = 0;
  for (const query of input.queries) {
    const at = performance.now();
    const hits = index.search(query, 20);
    ms.push(performance.now() - at);
    if (hits.length > 0) found++;
  }
  return { buildMs, ms, found };
}

/**
 * Each person acknowledges a two-page policy through the app's action (the text hashed again
 * and bound to the published hash, the record checked and written with strict durability);
 * interleaved, the same record put with raw IndexedDB in a strict transaction.
 */
async function acknowledgments(input: { sections: Section[]; saves: number; warmup: number }) {
  const text = textOf(input.sections);
  const draft = versionRecord(2, text);
  const { contentHash } = await readPolicyText(draft);
  const version = versionRecord(2, text, { contentHash });
  await db!.policies.insert(version);
  const campaign: AcknowledgmentCampaign = {
    id: '019abc00-0000-7000-8000-00000000be03',
    kind: 'acknowledgmentCampaign',
    policyId: POLICY,
    versionId: version.id,
    audienceRoles: ['front-desk'],
    audienceStaffIds: [],
    startedOn: '2026-02-01',
    dueInDays: 30,
    dueOn: '2026-03-03',
    reason: 'initial',
    createdAt: STAMP,
    updatedAt: STAMP,
  };
  const workspace = { db, deviceId: DEVICE, user: { id: USER.userId, displayName: USER.name } } as unknown as Workspace; // prettier-ignore
  const appMs: number[] = [];
  const rawMs: number[] = [];
  for (let n = 0; n < input.saves + input.warmup; n++) {
    const person = { id: `u-desk-${n}`, name: `Desk Person ${n}` };
    let at = performance.now();
    const saved = await acknowledge(workspace, { campaign, version, person, typedName: person.name }); // prettier-ignore
    const appTime = performance.now() - at;
    if (!saved.ok) throw new Error(`acknowledgment refused: ${saved.error.code}`);
    at = performance.now();
    await putStrict('acknowledgments', { ...saved.value.acknowledgment });
    const rawTime = performance.now() - at;
    if (n >= input.warmup) {
      appMs.push(appTime);
      rawMs.push(rawTime);
    }
  }
  return { appMs, rawMs };
}

/** The office manager's report as the device computes it: duties, then the tallies. */
function report(input: { json: string; rounds: number; warmup: number }) {
  // As JSON: Playwright's types for the records themselves recurse too deep.
  const data = JSON.parse(input.json) as ReportData;
  const ms: number[] = [];
  let summary = { duties: 0, done: 0, byPolicy: 0, byPerson: 0 };
  for (let round = 0; round < input.rounds + input.warmup; round++) {
    const at = performance.now();
    const duties = acknowledgmentDuties(data, data.today);
    const made = acknowledgmentReport(duties, data.versions.map((v, i) => ({ id: v.policyId, number: `POL-${i + 1}`, title: `Policy ${i + 1}` })), data.staff); // prettier-ignore
    if (round >= input.warmup) ms.push(performance.now() - at);
    summary = { duties: duties.length, done: made.overall.done, byPolicy: made.byPolicy.length, byPerson: made.byPerson.length }; // prettier-ignore
  }
  return { ms, summary };
}

export const policiesBench = { prepare, open, search, acknowledgments, report };
export type PoliciesBench = typeof policiesBench;
