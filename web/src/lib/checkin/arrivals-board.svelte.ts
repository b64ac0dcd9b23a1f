import {
  type CheckInPolicy,
  checkInReadiness,
  type ReadinessItem,
} from '@clinicdesk/shared/checkin/check-in-readiness.ts';
import {
  visitMinutes,
  visitState,
  type VisitState,
} from '@clinicdesk/shared/checkin/visit-steps.ts';
import type { Visit } from '@clinicdesk/shared/checkin/visit.schema.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { combineLatest, map, of, switchMap } from 'rxjs';
import { createSubscriber } from 'svelte/reactivity';
import { observeDocuments, observeFind } from '../db/documents.svelte.ts';
import { live } from '../db/live.svelte.ts';
import { today } from '../clock.ts';
import type { Workspace } from '../workspace.ts';
import { liveCheckInPolicy } from './check-in-policy.svelte.ts';

export type BoardCard = {
  visit: Visit;
  patient: Patient | null;
  state: VisitState;
  /** Minutes in the current step (waiting, in room), or the whole visit once closed. */
  minutes: number;
  /** What is still missing or stale on the record, live (fixing the chart clears it). */
  openItems: ReadinessItem[];
};

/** A visit waiting this long is shown as overdue. */
export const LONG_WAIT_MINUTES = 20;
const TICK_MS = 30_000;

/**
 * Today's arrivals on this device, kept live: visits and the patients behind them come from
 * the local database (so the board works offline) and change as any desk checks patients in or
 * moves them. Waiting times follow a clock that ticks every 30 seconds.
 */
export class ArrivalsBoard {
  readonly day = today();
  private readonly rows: { readonly current: { visit: Visit; patient: Patient | null }[] | null };
  private readonly policy: { readonly current: CheckInPolicy };
  private nowMs = Date.now();
  private readonly tick = createSubscriber((update) => {
    const timer = setInterval(() => {
      this.nowMs = Date.now();
      update();
    }, TICK_MS);
    return () => clearInterval(timer);
  });

  constructor(workspace: Workspace) {
    this.policy = liveCheckInPolicy(workspace, this.day);
    this.rows = live(
      observeFind(workspace, 'visits', { selector: { day: this.day } }).pipe(
        switchMap((list) => {
          const ids = list
            .map((visit) => visit.patientId)
            .filter((id, i, all) => all.indexOf(id) === i);
          return combineLatest([of(list), observeDocuments(workspace, 'patient', ids)]);
        }),
        map(([list, people]) =>
          list.map((visit) => ({ visit, patient: people.get(visit.patientId) ?? null })),
        ),
      ),
      null,
    );
  }

  get loaded(): boolean {
    return this.rows.current !== null;
  }

  readonly cards = $derived.by((): BoardCard[] => {
    this.tick();
    const now = this.nowMs;
    return (this.rows.current ?? []).map(({ visit, patient }) => ({
      visit,
      patient,
      state: visitState(visit),
      minutes: visitMinutes(visit, now),
      openItems: patient ? checkInReadiness(patient, this.day, this.policy.current) : [],
    }));
  });

  readonly waiting = $derived(
    this.cards.filter((c) => c.state === 'arrived').sort(by((c) => c.visit.arrived.at)),
  );
  readonly inRoom = $derived(
    this.cards.filter((c) => c.state === 'in-room').sort(by((c) => c.visit.roomed?.at ?? '')),
  );
  readonly done = $derived(
    this.cards
      .filter((c) => c.state === 'checked-out' || c.state === 'cancelled')
      .sort(by((c) => c.visit.checkedOut?.at ?? c.visit.cancelled?.at ?? ''))
      .reverse(),
  );
}

function by<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => key(a).localeCompare(key(b));
}
