import type { AuditEntry, AuditReportPage } from '@clinicdesk/shared/audit/audit-event.ts';
import { patientOfVisitId } from '@clinicdesk/shared/checkin/visit-steps.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import { comparePatients, patientQuery } from '@clinicdesk/shared/patients/search-patients.ts';
import { map } from 'rxjs';
import { api } from '../api/client.ts';
import { requestJson } from '../api/http.ts';
import { observeFind } from '../db/documents.svelte.ts';
import { live } from '../db/live.svelte.ts';
import type { Workspace } from '../workspace.ts';
import {
  auditFilterQuery,
  auditPageQuery,
  patientsById,
  type AuditFilterErrors,
  type AuditFilterQuery,
} from './audit-filter.ts';

const PAGE_SIZE = 50;
const PATIENT_CHOICES_MAX = 6;

/**
 * The office manager's audit report: filters, the page shown, and the names of the patients the
 * entries are about. The trail holds record ids only; names come from this device's own copy of
 * the patients, so the report shows them without the trail ever storing one.
 */
export class AuditReport {
  username = $state('');
  patientSearch = $state('');
  patient = $state.raw<Patient | null>(null);
  from = $state('');
  to = $state('');
  page = $state(1);
  result = $state.raw<AuditReportPage | null>(null);
  problem = $state<string | null>(null);
  loading = $state(false);
  errors = $state<AuditFilterErrors>({});
  /** The filter the shown page (and the CSV link) was made with. */
  private applied = $state.raw<AuditFilterQuery>({});
  private readonly patients: { readonly current: Patient[] | null };
  private readonly policies: { readonly current: Policy[] | null };
  private readonly manuals: { readonly current: Manual[] | null };
  readonly patientsById: ReadonlyMap<string, Patient>;

  constructor(workspace: Workspace) {
    this.patients = live(
      observeFind(workspace, 'patient', {}).pipe(
        map((patients) => [...patients].sort(comparePatients)),
      ),
      null,
    );
    this.patientsById = $derived(patientsById(this.patients.current ?? []));
    this.policies = live(observeFind(workspace, 'policy', {}), null);
    this.manuals = live(observeFind(workspace, 'manual', {}), null);
  }

  readonly patientChoices = $derived.by(() => {
    if (this.patientSearch.trim().length < 2) return [];
    return (this.patients.current ?? [])
      .filter(patientQuery(this.patientSearch))
      .slice(0, PATIENT_CHOICES_MAX);
  });

  readonly pages = $derived(
    this.result ? Math.max(1, Math.ceil(this.result.total / this.result.pageSize)) : 1,
  );

  get csvHref(): string {
    return api.audit.v1['events.csv'].$path({ query: this.applied });
  }

  choosePatient(patient: Patient | null): void {
    this.patient = patient;
    this.patientSearch = '';
  }

  /** Applies the filters from the first page; false (with inline errors) when they are wrong. */
  async apply(): Promise<boolean> {
    const filter = auditFilterQuery({
      username: this.username,
      patientId: this.patient?.id ?? null,
      from: this.from,
      to: this.to,
    });
    this.errors = filter.ok ? {} : filter.errors;
    if (!filter.ok) return false;
    this.applied = filter.query;
    await this.goTo(1);
    return true;
  }

  async goTo(page: number): Promise<void> {
    this.loading = true;
    const outcome = await requestJson(() =>
      api.audit.v1.events.$get({ query: auditPageQuery(this.applied, page, PAGE_SIZE) }),
    );
    this.loading = false;
    if (outcome.ok) {
      this.result = outcome.value;
      this.page = page;
      this.problem = null;
    } else {
      this.problem =
        outcome.kind === 'network'
          ? 'The audit report comes from the server, which cannot be reached right now.'
          : outcome.message;
    }
  }

  /** What an entry is about, in words: a patient's name from this device, or what happened. */
  subject(entry: AuditEntry): string {
    if (entry.collection === 'patients') {
      if (entry.recordId === null) return 'Patient list';
      return this.patientName(entry.recordId);
    }
    if (entry.collection === 'visits') {
      // A visit's id ends with its patient's: the check-in names the patient it was for.
      const patientId = entry.recordId && patientOfVisitId(entry.recordId);
      return patientId ? `Check-in: ${this.patientName(patientId)}` : 'Check-in';
    }
    if (entry.collection === 'policies') return this.policyVersion(entry.recordId);
    if (entry.collection === 'chartMerges') return 'Chart merge';
    if (entry.collection === 'audit-events') return 'Audit report';
    if (entry.collection === 'staff-accounts') return 'Staff account';
    return '—';
  }

  /** A printed policy is recorded by its version's id, `<policy id>-v<n>` (versionIdOf). */
  private policyVersion(id: string | null): string {
    if (id === null) return 'Policies';
    const [, policyId, number] = /^(.+)-v(\d+)$/.exec(id) ?? [];
    const policy = this.policies.current?.find((p) => p.id === (policyId ?? id));
    if (policy) return `${policy.number} ${policy.title}${number ? `, version ${number}` : ''}`;
    const manual = this.manuals.current?.find((m) => m.id === id);
    // Reviews, approvals and campaigns are named by their own ids.
    return manual ? `Manual: ${manual.title}` : `Policy record …${id.slice(-6)}`;
  }

  private patientName(id: string): string {
    const patient = this.patientsById.get(id);
    return patient
      ? `${patient.givenName} ${patient.familyName}`
      : `Patient not on this device (…${id.slice(-6)})`;
  }
}
