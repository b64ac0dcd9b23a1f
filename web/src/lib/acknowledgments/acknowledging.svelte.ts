import { gradeQuiz } from '@clinicdesk/shared/acknowledgments/grade-quiz.ts';
import type { Duty } from '@clinicdesk/shared/acknowledgments/acknowledgment-duties.ts';
import type { StaffMember } from '@clinicdesk/shared/acknowledgments/who-must-acknowledge.ts';
import type { PolicyTextNode } from '@clinicdesk/shared/policies/policy-text-tree.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { syncStatus } from '../sync/sync-status.svelte.ts';
import type { AcknowledgmentDesk } from './acknowledgment-desk.svelte.ts';
import { acknowledge } from './acknowledgments.actions.ts';
import { stillToAcknowledge } from './people-known.ts';
import { readPolicyText } from './policy-reading.ts';

export type Recorded = { name: string; offline: boolean; sharedTablet: boolean };

/**
 * One campaign's policy being read and acknowledged on this device: by the person signed in,
 * or, on a shared tablet, by a colleague who picks their name ("Someone else acknowledging?")
 * and confirms who they are by typing their full name. The tablet's session stays signed in;
 * each record names the session it was recorded under.
 */
export class Acknowledging {
  /** Who is acknowledging now: the session's person unless a colleague picked their name. */
  personId = $state('');
  typedName = $state('');
  answers = $state<(number | undefined)[]>([]);
  /** The colleague list is open. */
  choosingPerson = $state(false);
  text = $state.raw<PolicyTextNode | null>(null);
  textProblem = $state<string | null>(null);
  problem = $state<{ message: string; field?: string | undefined } | null>(null);
  wrongQuestions = $state<number[]>([]);
  recorded = $state<Recorded | null>(null);
  saving = $state(false);
  #loadedVersion = '';

  constructor(
    readonly desk: AcknowledgmentDesk,
    readonly campaignId: string,
  ) {
    this.personId = desk.workspace.user.id;
  }

  get campaign() {
    return this.desk.campaigns.find((campaign) => campaign.id === this.campaignId);
  }
  get person(): StaffMember | undefined {
    return this.desk.person(this.personId);
  }
  get sharedTablet(): boolean {
    return this.personId !== this.desk.workspace.user.id;
  }
  get offline(): boolean {
    return syncStatus.connection !== 'online';
  }

  /** This person's duty for this campaign (none when it is not theirs, or already done). */
  get duty(): Duty | undefined {
    return this.desk.duties.find((duty) => duty.campaignId === this.campaignId && duty.staffId === this.personId); // prettier-ignore
  }

  /** The version to read: the campaign's, or the later editorial revision it carries over to. */
  get version(): PolicyVersion | undefined {
    const campaign = this.campaign;
    return this.desk.version(this.duty?.readVersionId ?? campaign?.versionId ?? '');
  }

  /** Colleagues of this campaign's audience known on this device who have not acknowledged it. */
  get colleagues(): StaffMember[] {
    return stillToAcknowledge(this.desk.duties, this.desk.everyone, this.campaignId, this.desk.workspace.user.id); // prettier-ignore
  }

  /** Reads the version's text once it is on the device (Yjs is loaded here, not before). */
  async loadText(): Promise<void> {
    const version = this.version;
    if (!version || this.#loadedVersion === version.id) return;
    this.#loadedVersion = version.id;
    try {
      this.text = (await readPolicyText(version)).tree;
      this.textProblem = null;
    } catch {
      this.textProblem = 'This policy’s text could not be read on this device';
    }
  }

  pick(personId: string): void {
    this.personId = personId;
    this.choosingPerson = false;
    this.reset();
  }

  /** Back to the tablet's own person, ready for the next colleague. */
  next(): void {
    this.personId = this.desk.workspace.user.id;
    this.recorded = null;
    this.reset();
  }

  private reset(): void {
    this.typedName = '';
    this.answers = [];
    this.problem = null;
    this.wrongQuestions = [];
  }

  async submit(): Promise<void> {
    const { campaign, version, person } = this;
    if (!campaign || !version || !person || this.saving) return;
    const quiz = version.quiz ?? [];
    if (quiz.some((_, i) => this.answers[i] === undefined)) {
      this.problem = { message: 'Answer every question', field: 'quiz' };
      return;
    }
    this.saving = true;
    const offline = this.offline;
    try {
      const done = await acknowledge(this.desk.workspace, {
        campaign,
        version,
        person: { id: person.id, name: person.name },
        typedName: this.typedName,
        ...(quiz.length > 0 ? { answers: this.answers.map((answer) => answer ?? -1) } : {}),
        existing: this.desk.acknowledgmentOf(version.id, person.id),
      });
      if (!done.ok) {
        this.problem = { message: done.error.message, field: done.error.field };
        return;
      }
      if (!done.value.passed) {
        this.wrongQuestions = gradeQuiz(
          quiz,
          this.answers.map((answer) => answer ?? -1),
        ).wrong;
        this.problem = { message: 'Not every answer is right: read the policy again and try once more', field: 'quiz' }; // prettier-ignore
        return;
      }
      this.recorded = { name: person.name, offline, sharedTablet: this.sharedTablet };
      this.reset();
    } finally {
      this.saving = false;
    }
  }
}
