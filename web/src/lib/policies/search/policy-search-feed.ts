import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import { versionInForce } from '@clinicdesk/shared/policies/version-in-force.ts';
import { formatBinderDate } from '../binder/binder-dates.ts';
import { renderPolicyText } from '../print/policy-render.ts';
import { PolicySearchIndex, type SearchablePolicy } from './policy-search-index.ts';

/** The version a search reads for a policy: the one in force, else the newest on the device. */
export function currentVersion(
  versions: readonly PolicyVersion[],
  policyId: string,
  day: string,
): PolicyVersion | undefined {
  const inForce = versionInForce(versions, policyId, day);
  if (inForce) return inForce;
  let newest: PolicyVersion | undefined;
  for (const version of versions)
    if (version.policyId === policyId && (!newest || version.versionNumber > newest.versionNumber))
      newest = version;
  return newest;
}

const WRITING_STATES: Partial<Record<PolicyVersion['status'], string>> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
};

function stateOf(version: PolicyVersion, day: string, inForce: boolean): string {
  if (inForce) return 'In force';
  if (version.status === 'published' && version.effectiveOn && version.effectiveOn > day)
    return `Published, effective ${formatBinderDate(version.effectiveOn)}`;
  return WRITING_STATES[version.status] ?? 'Not in force';
}

/**
 * An index of every policy on the device, fed with the records as they sync: a text is read
 * again only when its version or the policy changed, and changes are applied one after another.
 */
export class PolicySearchFeed {
  readonly index = new PolicySearchIndex();
  readonly #read = new Map<string, string>();
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly day: string) {}

  update(manuals: Manual[], policies: Policy[], versions: PolicyVersion[]): Promise<void> {
    this.#queue = this.#queue
      .then(() => this.#apply(manuals, policies, versions))
      .catch((error: unknown) => console.error('ClinicDesk could not index policies', error));
    return this.#queue;
  }

  async #apply(manuals: Manual[], policies: Policy[], versions: PolicyVersion[]): Promise<void> {
    const titles = new Map(manuals.map((manual) => [manual.id, manual.title]));
    const present = new Set<string>();
    for (const policy of policies) {
      if (policy.retired) continue;
      const version = currentVersion(versions, policy.id, this.day);
      if (!version) continue;
      present.add(policy.id);
      const key = `${version.id}|${version.updatedAt}|${policy.updatedAt}`;
      if (this.#read.get(policy.id) === key) continue;
      const { plainText } = await renderPolicyText(version.text);
      const inForce = versionInForce(versions, policy.id, this.day)?.id === version.id;
      const entry: SearchablePolicy = {
        policyId: policy.id,
        number: policy.number,
        title: policy.title,
        manualTitle: titles.get(policy.manualId) ?? '',
        legalReferences: policy.legalReferences,
        text: plainText,
        versionNumber: version.versionNumber,
        versionState: stateOf(version, this.day, inForce),
      };
      this.index.put(entry);
      this.#read.set(policy.id, key);
    }
    for (const policyId of [...this.#read.keys()])
      if (!present.has(policyId)) {
        this.index.remove(policyId);
        this.#read.delete(policyId);
      }
  }
}
