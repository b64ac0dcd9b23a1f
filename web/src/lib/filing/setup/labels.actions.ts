import type { Correspondent } from '@clinicdesk/shared/filing/correspondent.schema.ts';
import type { CorrespondentType } from '@clinicdesk/shared/filing/filing-labels.ts';
import type { Tag } from '@clinicdesk/shared/filing/tag.schema.ts';
import { normalisePhone } from '@clinicdesk/shared/patients/phone.ts';
import { US_STATES } from '@clinicdesk/shared/patients/patient-codes.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import {
  changeRecord,
  cleanName,
  createRecords,
  currentRecords,
  newRecordBase,
  type SetupError,
  type SetupWorkspace,
  without,
} from './setup-records.ts';

/** Tags and correspondents: anyone who files may add them, as the desk meets a new payer. */

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export async function addTag(
  workspace: SetupWorkspace,
  input: string,
): Promise<Result<Tag, SetupError>> {
  const name = cleanName(input);
  const clash = (await currentRecords(workspace, 'tag')).find((t) => same(t.name, name));
  if (clash) return fail({ code: 'name-taken', message: `There is already a tag “${clash.name}”` });
  const tag: Tag = { ...newRecordBase(), kind: 'tag', name };
  const made = await createRecords(workspace, 'tag', [tag]);
  return made.ok ? ok(tag) : made;
}

export async function changeTag(
  workspace: SetupWorkspace,
  id: string,
  change: { name?: string; archived?: boolean },
): Promise<Result<Tag, SetupError>> {
  const name = change.name === undefined ? undefined : cleanName(change.name);
  const tags = await currentRecords(workspace, 'tag');
  const clash = name !== undefined && tags.find((t) => t.id !== id && same(t.name, name));
  if (clash) return fail({ code: 'name-taken', message: `There is already a tag “${clash.name}”` });
  return changeRecord(workspace, 'tag', id, (current) => {
    const next = name === undefined ? current : { ...current, name };
    if (change.archived === undefined) return ok(next);
    return ok(change.archived ? { ...next, archived: true } : without(next, 'archived'));
  });
}

/** A correspondent as the form holds it: every field text, the address all or nothing. */
export interface CorrespondentForm {
  name: string;
  correspondentType: CorrespondentType | '';
  phone: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
}

export const EMPTY_CORRESPONDENT: CorrespondentForm = {
  name: '',
  correspondentType: '',
  phone: '',
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
};

export function correspondentToForm(correspondent: Correspondent): CorrespondentForm {
  const { address } = correspondent;
  return {
    name: correspondent.name,
    correspondentType: correspondent.correspondentType,
    phone: correspondent.phone ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    state: address?.state ?? '',
    postalCode: address?.postalCode ?? '',
  };
}

type CorrespondentFields = Pick<Correspondent, 'name' | 'correspondentType' | 'phone' | 'address'>;

/** The form's fields as a record's, or what to fix first. The schema checks the rest. */
function fieldsFrom(form: CorrespondentForm): Result<CorrespondentFields, SetupError> {
  if (form.correspondentType === '')
    return fail({ code: 'invalid', message: 'Choose what kind of correspondent this is' });
  const phone = form.phone.trim() === '' ? undefined : normalisePhone(form.phone);
  if (phone === null)
    return fail({ code: 'invalid', message: 'Enter a phone number with its area code' });
  const typed = [form.line1, form.line2, form.city, form.state, form.postalCode].some(
    (part) => part.trim() !== '',
  );
  const state = US_STATES.find((code) => code === form.state.trim().toUpperCase());
  if (typed && !state) return fail({ code: 'invalid', message: 'Choose a state' });
  const address = state
    ? {
        line1: form.line1.trim(),
        ...(form.line2.trim() !== '' && { line2: form.line2.trim() }),
        city: form.city.trim(),
        state,
        postalCode: form.postalCode.trim(),
      }
    : undefined;
  return ok({
    name: cleanName(form.name),
    correspondentType: form.correspondentType,
    ...(phone !== undefined && { phone }),
    ...(address !== undefined && { address }),
  });
}

export async function addCorrespondent(
  workspace: SetupWorkspace,
  form: CorrespondentForm,
): Promise<Result<Correspondent, SetupError>> {
  const fields = fieldsFrom(form);
  if (!fields.ok) return fields;
  const clash = (await currentRecords(workspace, 'correspondent')).find((c) =>
    same(c.name, fields.value.name),
  );
  if (clash) return fail({ code: 'name-taken', message: `“${clash.name}” is already listed` });
  const correspondent: Correspondent = {
    ...newRecordBase(),
    kind: 'correspondent',
    ...fields.value,
  };
  const made = await createRecords(workspace, 'correspondent', [correspondent]);
  return made.ok ? ok(correspondent) : made;
}

export function changeCorrespondent(
  workspace: SetupWorkspace,
  id: string,
  form: CorrespondentForm,
): Promise<Result<Correspondent, SetupError>> {
  const fields = fieldsFrom(form);
  if (!fields.ok) return Promise.resolve(fields);
  // A phone or address cleared on the form is removed from the record.
  return changeRecord(workspace, 'correspondent', id, (current) =>
    ok({ ...without(without(current, 'phone'), 'address'), ...fields.value }),
  );
}

export function setCorrespondentArchived(
  workspace: SetupWorkspace,
  id: string,
  archived: boolean,
): Promise<Result<Correspondent, SetupError>> {
  return changeRecord(workspace, 'correspondent', id, (current) =>
    ok(archived ? { ...current, archived: true } : without(current, 'archived')),
  );
}
