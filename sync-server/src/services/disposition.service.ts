import { categoryPath } from '@clinicdesk/shared/filing/category-readers.ts';
import { heldBy, type HoldLike } from '@clinicdesk/shared/filing/legal-hold/held-by.ts';
import {
  type DispositionCandidate,
  type DispositionQueue,
  dispositionDue,
} from '@clinicdesk/shared/filing/retention/disposition-due.ts';
import type { ScopedRetentionRule } from '@clinicdesk/shared/filing/retention/applicable-retention.ts';
import { emptiableFromTrash } from '@clinicdesk/shared/filing/trash/emptiable-from-trash.ts';
import { practiceFilingSettings } from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { BlobStorage } from '../storage/blobs/blob-storage.ts';
import type { DocumentWriter, Store } from '../storage/store.ts';
import type { ChangeBus } from './change-bus.ts';

/** A filed document as the disposition review reads it, with its title to show. */
export type DispositionDocument = DispositionCandidate & { title: string; trashedAt?: string };
type Hold = HoldLike & { reason: string };
type Rule = ScopedRetentionRule & { name: string };

export type DispositionRefusal =
  | { code: 'not-found'; message: string }
  | { code: 'legal-hold'; message: string }
  | { code: 'not-due'; message: string };

export type DispositionService = {
  /** The review queue: what is past retention (held or not), and what lacks a date. */
  queue(): Promise<DispositionQueue<DispositionDocument, Rule, Hold>>;
  /** Destroys one document that is due, or an expired item of the trash; never one held. */
  destroy(id: string, by: DocumentWriter): Promise<Result<{ seq: number }, DispositionRefusal>>;
  /**
   * Empties the trash of what has been there past the practice's period (its filing settings,
   * 30 days where it set none) and is held by nothing.
   */
  emptyTrash(by: DocumentWriter): Promise<number>;
};

/**
 * Retention and disposition on the server (issue 12.7, ADR 19): the review queue from the
 * practice's rules, legal holds and the patients' dates, and destruction — the one way a record
 * leaves the server. Every destruction is a `destroy` entry on the audit chain.
 */
export function createDispositionService(deps: {
  store: Store;
  bus: ChangeBus;
  clock: () => Date;
  blobs?: BlobStorage | undefined;
}): DispositionService {
  const { store, clock } = deps;

  async function facts() {
    const [documents, categories, rules, holds, patients, visits, settings] = await Promise.all([
      store.currentOfKinds('filing', ['filedDocument']),
      store.currentOfKinds('filing', ['category']),
      store.currentOfKinds('filing', ['retentionRule']),
      store.currentOfKinds('filing', ['legalHold']),
      store.currentOfKinds('patients', ['patient']),
      store.currentOfKinds('visits', ['visit']),
      store.currentOfKinds('filing', ['filingSettings']),
    ]);
    const byId = new Map(categories.map((doc) => [doc.id, doc]));
    const birth = new Map(patients.map((p) => [p.id, text(p.dateOfBirth)]));
    const lastVisit = new Map<string, string>();
    for (const visit of visits) {
      const patientId = text(visit.patientId);
      const day = text(visit.day);
      if (visit._deleted || !patientId || !day || visit.cancelled) continue;
      if ((lastVisit.get(patientId) ?? '') < day) lastVisit.set(patientId, day);
    }
    const candidates: DispositionDocument[] = documents
      .filter((doc) => !doc._deleted)
      .map((doc) => {
        const patientId = text(doc.patientId);
        const categoryId = text(doc.categoryId);
        const trashedAt = text((doc.trashed as { at?: unknown } | undefined)?.at);
        return {
          id: doc.id,
          title: text(doc.title) ?? '',
          patientId,
          documentTypeId: text(doc.documentTypeId),
          categoryChain: categoryId ? (categoryPath(categoryId, byId) ?? [categoryId]) : [],
          documentDate: text(doc.documentDate),
          dateOfBirth: patientId ? birth.get(patientId) : undefined,
          lastVisit: patientId ? lastVisit.get(patientId) : undefined,
          ...(trashedAt ? { trashedAt } : {}),
        };
      });
    return {
      candidates,
      rules: rules.filter((doc) => !doc._deleted) as unknown as Rule[],
      holds: holds.filter((doc) => !doc._deleted) as unknown as Hold[],
      // The practice's period, read when the trash is judged: a change applies from then on.
      trashDays: practiceFilingSettings(settings[0]).trashDays,
    };
  }

  const today = () => clock().toISOString().slice(0, 10);

  async function destroyOne(id: string, by: DocumentWriter, detail: string) {
    const destroyed = await store.destroyDocument('filing', id, {
      writer: by,
      at: clock(),
      detail,
    });
    if (!destroyed) return null;
    await deps.bus.publish({ collection: 'filing', seq: destroyed.seq });
    // The bytes go at once where nothing else uses them (another record may hold the same scan).
    for (const sha256 of destroyed.files)
      if (deps.blobs && !(await store.blobInUse(sha256))) {
        await deps.blobs.remove(sha256);
        await store.forgetBlobUploads(sha256);
      }
    return destroyed;
  }

  return {
    async queue() {
      const { candidates, rules, holds } = await facts();
      return dispositionDue(candidates, rules, holds, today(), clock().toISOString());
    },

    async destroy(id, by) {
      const { candidates, rules, holds, trashDays } = await facts();
      const document = candidates.find((doc) => doc.id === id);
      if (!document) return fail({ code: 'not-found', message: 'No such document is stored' });
      const now = clock().toISOString();
      const held = heldBy(document, holds, now);
      if (held.length > 0)
        return fail({ code: 'legal-hold', message: `A legal hold applies: ${held[0]?.reason ?? ''}`.trim() }); // prettier-ignore
      const due = dispositionDue([document], rules, holds, today(), now).due[0];
      const trash = document.trashedAt
        ? emptiableFromTrash([{ ...document, trashed: { at: document.trashedAt } }], holds, now, trashDays) // prettier-ignore
        : undefined;
      const detail = due
        ? `retention rule ${due.rule.id} (${due.rule.name}), ended ${due.endsOn}`
        : trash?.emptiable.length
          ? `emptied from the trash after ${trashDays} days`
          : null;
      if (!detail)
        return fail({ code: 'not-due', message: 'This document is still within its retention period' }); // prettier-ignore
      const destroyed = await destroyOne(id, by, detail);
      return destroyed ? ok({ seq: destroyed.seq }) : fail({ code: 'not-found', message: 'No such document is stored' }); // prettier-ignore
    },

    async emptyTrash(by) {
      const { candidates, holds, trashDays: periodDays } = await facts();
      const trashed = candidates.flatMap((doc) =>
        doc.trashedAt ? [{ ...doc, trashed: { at: doc.trashedAt } }] : [],
      );
      const { emptiable } = emptiableFromTrash(trashed, holds, clock().toISOString(), periodDays);
      let emptied = 0;
      for (const doc of emptiable)
        if (await destroyOne(doc.id, by, `emptied from the trash after ${periodDays} days`))
          emptied++;
      return emptied;
    },
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Whether a pushed filed document is being put in the trash now (not already there). */
export function trashing(row: { assumed?: WireDocument | null; next: WireDocument }): boolean {
  return row.next.trashed !== undefined && row.assumed?.trashed === undefined;
}
