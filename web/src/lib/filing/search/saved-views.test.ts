import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalDatabase, openLocalDatabase, purgeLocalData } from '../../db/local-db.ts';
import { CATEGORY, id, PATIENT_ZOE, TAG } from './fixtures/synthetic-filing.ts';
import { sameState } from './saved-view-shelf.svelte.ts';
import {
  deleteView,
  listSavedViews,
  observeSavedViews,
  renameView,
  restoreView,
  saveView,
  stateOf,
} from './saved-views.ts';

let opened: LocalDatabase[] = [];
let n = 0;
const open = (user = `viewtest${n++}`) => {
  const local = openLocalDatabase(user);
  opened.push(local);
  return local;
};
afterEach(async () => {
  await Promise.all(opened.map((local) => local.delete()));
  opened = [];
});

const unsigned = {
  text: 'referral',
  filters: { patientId: PATIENT_ZOE, categoryId: CATEGORY.clinical, tagIds: [TAG.signature] },
  sort: 'newest' as const,
};

describe('saved views', () => {
  it('round-trips: saved, listed by name, applied as saved, renamed, deleted', async () => {
    const local = open();
    const first = await saveView(local, '  Unsigned   referrals ', unsigned, {
      id: id(1),
      now: '2026-03-02T09:00:00.000Z',
    });
    expect(first.ok).toBe(true);
    await saveView(
      local,
      'All insurance',
      { text: '', filters: {}, sort: 'relevance' },
      {
        id: id(2),
        now: '2026-03-02T09:01:00.000Z',
      },
    );
    const listed = await listSavedViews(local);
    expect(listed.map((view) => view.name)).toEqual(['All insurance', 'Unsigned referrals']);
    expect(stateOf(listed[1]!)).toEqual(unsigned);

    const renamed = await renameView(local, id(1), 'Zoë: to sign', '2026-03-03T09:00:00.000Z');
    expect(renamed).toMatchObject({ ok: true, value: { name: 'Zoë: to sign' } });
    expect((await listSavedViews(local)).map((view) => view.name)).toEqual([
      'All insurance',
      'Zoë: to sign',
    ]);
    await deleteView(local, id(2));
    expect(await firstValueFrom(observeSavedViews(local))).toMatchObject([
      { id: id(1), name: 'Zoë: to sign', ...unsigned, updatedAt: '2026-03-03T09:00:00.000Z' },
    ]);
  });

  it('refuses an empty name, a name in use (in any case) and renaming a view no longer saved', async () => {
    const local = open();
    const made = { id: id(1), now: '2026-03-02T09:00:00.000Z' };
    expect(await saveView(local, '   ', unsigned, made)).toMatchObject({
      ok: false,
      error: { code: 'view-name-missing' },
    });
    await saveView(local, 'Unsigned', unsigned, made);
    expect(await saveView(local, 'UNSIGNED', unsigned, { ...made, id: id(2) })).toMatchObject({
      ok: false,
      error: { code: 'view-name-taken' },
    });
    // Its own name, differently cased, is no clash.
    expect(await renameView(local, id(1), 'unsigned', made.now)).toMatchObject({ ok: true });
    expect(await renameView(local, id(9), 'Other', made.now)).toMatchObject({
      ok: false,
      error: { code: 'view-not-found' },
    });
  });

  it('a deleted view comes back as it was on Undo, unless its name was taken meanwhile', async () => {
    const local = open();
    const saved = await saveView(local, 'Unsigned', unsigned, { id: id(1), now: 'n' });
    if (!saved.ok) throw new Error('not saved');
    await deleteView(local, id(1));
    expect(await restoreView(local, saved.value)).toMatchObject({ ok: true });
    expect(await listSavedViews(local)).toEqual([saved.value]);
    await deleteView(local, id(1));
    await saveView(local, 'unsigned', unsigned, { id: id(2), now: 'n' });
    expect(await restoreView(local, saved.value)).toMatchObject({
      ok: false,
      error: { code: 'view-name-taken' },
    });
  });

  it('tells the view applied: the same words, filters and order, empty parts aside', () => {
    const shown = {
      ...unsigned,
      text: ' referral ',
      filters: { ...unsigned.filters, dateTo: undefined },
    };
    expect(sameState(unsigned, shown)).toBe(true);
    expect(sameState(unsigned, { ...unsigned, sort: 'oldest' })).toBe(false);
    expect(sameState(unsigned, { ...unsigned, filters: { patientId: PATIENT_ZOE } })).toBe(false);
    expect(sameState({ ...unsigned, filters: { tagIds: [] } }, { ...unsigned, filters: {} })).toBe(
      true,
    );
  });

  it('are each person’s own, and leave the device with filing access', async () => {
    const ana = open('viewana');
    const ben = open('viewben');
    await saveView(ana, 'Mine', unsigned, { id: id(1), now: '2026-03-02T09:00:00.000Z' });
    expect(await listSavedViews(ben)).toEqual([]);
    await purgeLocalData(ana, ['patients', 'filing'], true);
    expect(await listSavedViews(ana)).toHaveLength(1);
    await purgeLocalData(ana, ['patients'], true);
    expect(await listSavedViews(ana)).toEqual([]);
  });

  it('an existing local database (version 5, with a draft and a queued upload) upgrades keeping them', async () => {
    const name = 'clinicdesk-local-viewupgrade';
    const before = new Dexie(name);
    // The tables of the release before saved views, as openLocalDatabase declared them.
    before.version(1).stores({ refusedChanges: 'key, collection' });
    before.version(2).stores({ blobs: 'sha256', uploads: 'sha256, nextTryAt' });
    before.version(3).stores({ drafts: 'key' });
    before.version(4).stores({
      chartBlocks: 'first',
      chartRequests: 'requestId',
      provisionalCharts: 'patientId',
      chartCounters: 'name',
    });
    before.version(5).stores({ auditEvents: 'eventId, deviceTime' });
    await before
      .table('drafts')
      .put({ key: 'patient-registration', fields: { a: 'b' }, savedAt: 'x' });
    await before
      .table('uploads')
      .put({ sha256: 'ab', attempts: 1, nextTryAt: 0, lastError: null, failed: false });
    expect(before.verno).toBe(5);
    before.close();

    const local = open('viewupgrade');
    expect(await local.drafts.get('patient-registration')).toMatchObject({ fields: { a: 'b' } });
    expect(await local.uploads.count()).toBe(1);
    expect(local.verno).toBe(6);
    await saveView(local, 'After the update', unsigned, {
      id: id(1),
      now: '2026-03-02T09:00:00.000Z',
    });
    expect(await listSavedViews(local)).toHaveLength(1);
  });
});
