import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import { combineLatest, concatMap, debounceTime, type Subscription } from 'rxjs';
import { today } from '../../clock.ts';
import { observeFind, type DocumentSource } from '../../db/documents.svelte.ts';
import { renderPolicyText } from '../print/policy-render.ts';
import { binderSelection } from './binder-contents.ts';
import {
  type BinderDatabase,
  type BinderManual,
  openBinderDatabase,
  writeBinder,
} from './binder-db.ts';

/** The binder's rendered manuals from the device's policy records on `day`. */
export async function renderBinder(
  manuals: readonly Manual[],
  policies: readonly Policy[],
  versions: readonly PolicyVersion[],
  day: string,
): Promise<BinderManual[]> {
  const rendered: BinderManual[] = [];
  for (const { manual, policies: chosen } of binderSelection(manuals, policies, versions, day)) {
    const entries = [];
    for (const { policy, versions: kept } of chosen) {
      const copied = [];
      for (const version of kept) {
        const { html } = await renderPolicyText(version.text);
        copied.push({
          versionId: version.id,
          versionNumber: version.versionNumber,
          ...(version.versionLabel ? { versionLabel: version.versionLabel } : {}),
          effectiveOn: version.effectiveOn ?? day,
          html,
        });
      }
      entries.push({
        policyId: policy.id,
        number: policy.number,
        title: policy.title,
        legalReferences: [...policy.legalReferences],
        versions: copied,
      });
    }
    rendered.push({
      manualId: manual.id,
      title: manual.title,
      ...(manual.description ? { description: manual.description } : {}),
      order: manual.order,
      policies: entries,
    });
  }
  return rendered;
}

const SETTLE_MS = 1_500;

/**
 * Keeps the device's binder copy in step with this person's policy records: rewritten a moment
 * after they change (a sync brings a new version, a manual is marked readable signed out or no
 * longer). A device that holds no manual at all has not synced policies yet (or its person may
 * not read them), and leaves the copy another person's sync wrote as it is.
 */
export function keepBinderCopy(
  source: DocumentSource,
  binder: BinderDatabase = openBinderDatabase(),
): Subscription {
  return combineLatest([
    observeFind(source, 'manual', {}),
    observeFind(source, 'policy', {}),
    observeFind(source, 'policyVersion', {
      selector: { status: { $in: ['published', 'superseded'] } },
    }),
  ])
    .pipe(
      debounceTime(SETTLE_MS),
      concatMap(async ([manuals, policies, versions]) => {
        if (manuals.length === 0) return;
        try {
          const rendered = await renderBinder(manuals, policies, versions, today());
          await writeBinder(binder, rendered, new Date().toISOString());
        } catch (error: unknown) {
          console.error('ClinicDesk could not copy the downtime binder to this device', error);
        }
      }),
    )
    .subscribe();
}
