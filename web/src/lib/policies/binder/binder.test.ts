import 'fake-indexeddb/auto';
import {
  manual,
  policy,
  published,
  versionOf,
} from '@clinicdesk/shared/policies/policy.fixture.ts';
import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import { describe, expect, it } from 'vitest';
import { h, p, policyTextFrom } from '../print/policy-text.fixture.ts';
import { binderSelection } from './binder-contents.ts';
import { renderBinder } from './binder-copy.ts';
import { binderVersionOn, openBinderDatabase, readBinder, writeBinder } from './binder-db.ts';

const downtime: Manual = {
  ...manual,
  id: 'manual-downtime',
  title: 'Emergency and downtime',
  slug: 'emergency-downtime',
  order: 5,
  readableSignedOut: true,
};
const outage: Policy = {
  ...policy,
  manualId: downtime.id,
  number: 'EMER-02',
  title: 'Network or power outage',
};
const privacy: Policy = { ...policy, id: '019abc00-0000-7000-8000-0000000000b2' };
const DAY = '2026-11-26';

describe('the downtime binder', () => {
  it('holds only manuals readable signed out, and only versions in force or published for later', () => {
    const draft = versionOf(3, { policyId: outage.id, id: `${outage.id}:3` });
    const selection = binderSelection(
      [manual, downtime],
      [outage, privacy],
      [
        published(1, {
          policyId: outage.id,
          id: `${outage.id}:1`,
          status: 'superseded',
          supersededOn: '2026-06-01',
        }),
        published(2, { policyId: outage.id, id: `${outage.id}:2`, effectiveOn: '2026-06-01' }),
        draft,
        published(1, { policyId: privacy.id, id: `${privacy.id}:1` }),
      ],
      DAY,
    );
    expect(selection.map((entry) => entry.manual.title)).toEqual(['Emergency and downtime']);
    expect(
      selection[0]?.policies.map(({ versions }) => versions.map((v) => v.versionNumber)),
    ).toEqual([[2]]);
  });

  it('leaves out a manual whose policies are all drafts, and retired policies', () => {
    expect(
      binderSelection([downtime], [outage], [versionOf(1, { policyId: outage.id })], DAY),
    ).toEqual([]);
    expect(
      binderSelection(
        [downtime],
        [{ ...outage, retired: true, retiredOn: '2026-10-01' }],
        [published(1, { policyId: outage.id })],
        DAY,
      ),
    ).toEqual([]);
  });

  it('is copied rendered, read back whole, and shows a later version once it takes effect', async () => {
    const versions = [
      published(1, {
        policyId: outage.id,
        text: policyTextFrom(h(1, 'Outage'), p('Use paper forms.')),
      }),
      published(2, {
        policyId: outage.id,
        effectiveOn: '2026-12-01',
        text: policyTextFrom(h(1, 'Outage'), p('Use the paper binder at the desk.')),
      }),
    ];
    const db = openBinderDatabase(`binder-test-${Math.random()}`);
    await writeBinder(
      db,
      await renderBinder([downtime], [outage], versions, DAY),
      '2026-11-26T09:00:00.000Z',
    );
    const stored = await readBinder(db);
    expect(stored.writtenAt).toBe('2026-11-26T09:00:00.000Z');
    const copied = stored.manuals[0]!.policies[0]!;
    expect(copied.number).toBe('EMER-02');
    expect(binderVersionOn(copied, DAY)?.html).toBe('<h2>Outage</h2><p>Use paper forms.</p>');
    expect(binderVersionOn(copied, '2026-12-01')?.html).toContain('paper binder at the desk');
  });

  it('replaces the whole copy: a manual no longer readable signed out leaves the device', async () => {
    const db = openBinderDatabase(`binder-test-${Math.random()}`);
    const versions = [published(1, { policyId: outage.id })];
    await writeBinder(
      db,
      await renderBinder([downtime], [outage], versions, DAY),
      '2026-11-26T09:00:00.000Z',
    );
    const unmarked = { ...downtime, readableSignedOut: false };
    await writeBinder(
      db,
      await renderBinder([unmarked], [outage], versions, DAY),
      '2026-11-26T10:00:00.000Z',
    );
    expect(await readBinder(db)).toEqual({ manuals: [], writtenAt: '2026-11-26T10:00:00.000Z' });
  });

  it('survives the database being reopened (a new page load reads what the last sync wrote)', async () => {
    const name = `binder-test-${Math.random()}`;
    const first = openBinderDatabase(name);
    await writeBinder(
      first,
      await renderBinder([downtime], [outage], [published(1, { policyId: outage.id })], DAY),
      '2026-11-26T09:00:00.000Z',
    );
    first.close();
    const again = await readBinder(openBinderDatabase(name));
    expect(again.manuals.map((m) => m.title)).toEqual(['Emergency and downtime']);
  });
});
