import { accountingEntryFor, type AccountingEntry } from './accounting-entry.ts';
import type { Disclosure } from './disclosure.schema.ts';
import type { Party } from './release-fields.ts';

/** "Dana Whitfield, Whitfield & Roe LLP": the recipient as an accounting names them. */
export function recipientName(party: Party): string {
  return [party.name, party.organisation].filter(Boolean).join(', ');
}

/**
 * The accounting entries the stored disclosures make (45 CFR 164.528(b)(2)): one for each
 * disclosure the rule lists, none for the exempt ones, none for a removed record. Give them to
 * `accountingFor` for a patient's six years.
 */
export function accountingEntriesOf(
  disclosures: readonly (Disclosure & { _deleted?: boolean })[],
): AccountingEntry[] {
  return disclosures.flatMap((d) => {
    if (d._deleted) return [];
    const entry = accountingEntryFor({
      id: d.id,
      patientId: d.patientId,
      disclosedOn: d.disclosedOn,
      purpose: d.purpose,
      recipient: { name: recipientName(d.recipient), address: d.recipient.address },
      description: d.description,
      purposeStatement: d.purposeStatement,
    });
    return entry ? [entry] : [];
  });
}
