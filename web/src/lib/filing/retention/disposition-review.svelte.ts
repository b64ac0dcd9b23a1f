import { nowIso } from '../../clock.ts';
import type { Workspace } from '../../workspace.ts';
import { PatientNames } from '../documents/patient-names.svelte.ts';
import { destroyDocument, type DispositionList, fetchDisposition } from './disposition-api.ts';
import { destroyRefusalInWords } from './destroy-refusal.ts';

/**
 * The last list this person fetched, for this tab's life only: shown (with its time) when the
 * server cannot be reached. Kept in memory, never stored, since it names patients' documents
 * and a device that signs out must keep none of them.
 */
let lastFetched: { userId: string; list: DispositionList; at: string } | null = null;

/** One line being destroyed, as the confirmation names it. */
export type Destroying = { id: string; title: string };

/**
 * The disposition review (issue 12.7, ADR 19): the server's list of what is past retention
 * and held by nothing (most overdue first), what a legal hold keeps, and what cannot be dated;
 * and destroying one document at a time after a confirmation. The list needs the server: with
 * no connection the screen says so and shows the last list fetched in this tab, if any.
 */
export class DispositionReview {
  readonly #workspace: Workspace;
  list = $state.raw<DispositionList | null>(null);
  /** When `list` was fetched. */
  fetchedAt = $state<string | null>(null);
  /** The list shown is an earlier one: the server could not be reached just now. */
  stale = $state(false);
  loading = $state(false);
  problem = $state<string | null>(null);
  notice = $state<string | null>(null);
  /** The document whose "Destroy" was pressed and awaits confirmation. */
  confirming = $state<Destroying | null>(null);
  destroying = $state(false);
  /** Why the last try to destroy a document was refused, in words. */
  refusal = $state<string | null>(null);
  readonly names: PatientNames;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
    if (lastFetched?.userId === workspace.user.id) {
      this.list = lastFetched.list;
      this.fetchedAt = lastFetched.at;
    }
    this.names = new PatientNames(workspace, () => [
      ...(this.list?.due ?? []).map((entry) => entry.patientId),
      ...(this.list?.held ?? []).map((entry) => entry.patientId),
      ...(this.list?.cannotCompute ?? []).map((entry) => entry.patientId),
    ]);
  }

  get counts(): { due: number; held: number; cannotCompute: number } {
    return {
      due: this.list?.due.length ?? 0,
      held: this.list?.held.length ?? 0,
      cannotCompute: this.list?.cannotCompute.length ?? 0,
    };
  }

  /** Asks the server for the list again (the person's own refresh: earlier messages go). */
  async refresh(): Promise<void> {
    this.notice = null;
    this.refusal = null;
    await this.#fetch();
  }

  async #fetch(): Promise<void> {
    this.loading = true;
    const outcome = await fetchDisposition(this.#workspace.deviceId);
    this.loading = false;
    if (outcome.ok) {
      this.#show(outcome.value);
      this.problem = null;
      this.stale = false;
      return;
    }
    this.stale = this.list !== null;
    this.problem =
      outcome.kind === 'network'
        ? 'The disposition review needs a connection to the server, which this device cannot reach right now. Nothing can be destroyed until it is back.'
        : outcome.message;
  }

  #show(list: DispositionList): void {
    const at = nowIso();
    this.list = list;
    this.fetchedAt = at;
    lastFetched = { userId: this.#workspace.user.id, list, at };
  }

  /** Asks for confirmation first: destruction cannot be undone. */
  askToDestroy(entry: Destroying): void {
    this.notice = null;
    this.refusal = null;
    this.confirming = { id: entry.id, title: entry.title };
  }

  cancel(): void {
    this.confirming = null;
  }

  /** Destroys the document being confirmed; a refusal is said in words above the list. */
  async confirmDestroy(): Promise<void> {
    const target = this.confirming;
    if (!target || this.destroying) return;
    this.destroying = true;
    const outcome = await destroyDocument(this.#workspace.deviceId, target.id);
    this.destroying = false;
    this.confirming = null;
    if (!outcome.ok) {
      this.refusal = destroyRefusalInWords(outcome, target.title);
      // The server judged it anew (a hold placed since, a date changed): the list follows it,
      // so the line moves to where it now belongs. Offline there is nothing to fetch.
      if (outcome.kind === 'api') await this.#fetch();
      return;
    }
    this.refusal = null;
    this.notice = `“${target.title}” was destroyed, with every version of its file, on the server and on every device as they sync. The audit trail keeps a record of it.`;
    if (this.list)
      this.#show({ ...this.list, due: this.list.due.filter((entry) => entry.id !== target.id) });
  }
}
