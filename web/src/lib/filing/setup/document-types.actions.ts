import type { CustomField } from '@clinicdesk/shared/filing/custom-field.schema.ts';
import type { DocumentType } from '@clinicdesk/shared/filing/document-type.schema.ts';
import type { CustomFieldType } from '@clinicdesk/shared/filing/filing-labels.ts';
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

/** Document types and the custom fields each carries (the office manager's, on this device). */

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

function nameTaken(what: string, name: string): Result<never, SetupError> {
  return fail({ code: 'name-taken', message: `There is already a ${what} “${name}”` });
}

export async function addDocumentType(
  workspace: SetupWorkspace,
  input: { name: string; expires: boolean },
): Promise<Result<DocumentType, SetupError>> {
  const name = cleanName(input.name);
  const types = await currentRecords(workspace, 'documentType');
  const clash = types.find((t) => same(t.name, name));
  if (clash) return nameTaken('document type', clash.name);
  const type: DocumentType = {
    ...newRecordBase(),
    kind: 'documentType',
    name,
    ...(input.expires && { expires: true }),
  };
  const made = await createRecords(workspace, 'documentType', [type]);
  return made.ok ? ok(type) : made;
}

export async function changeDocumentType(
  workspace: SetupWorkspace,
  id: string,
  change: { name?: string; expires?: boolean; archived?: boolean },
): Promise<Result<DocumentType, SetupError>> {
  const name = change.name === undefined ? undefined : cleanName(change.name);
  const types = await currentRecords(workspace, 'documentType');
  if (name !== undefined) {
    const clash = types.find((t) => t.id !== id && same(t.name, name));
    if (clash) return nameTaken('document type', clash.name);
  }
  return changeRecord(workspace, 'documentType', id, (current) => {
    let next: DocumentType = name === undefined ? current : { ...current, name };
    if (change.expires !== undefined)
      next = change.expires ? { ...next, expires: true } : without(next, 'expires');
    if (change.archived !== undefined)
      next = change.archived ? { ...next, archived: true } : without(next, 'archived');
    return ok(next);
  });
}

/** Choices as typed, one a line: blanks dropped, each once. */
export function choicesFrom(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((line) => cleanName(line))
    .filter((line) => line !== '' && !seen.has(line.toLocaleLowerCase()) && seen.add(line.toLocaleLowerCase())); // prettier-ignore
}

/**
 * A new field on a type. Its type is fixed from now on: values entered under it would stop
 * meaning what they meant, so the server refuses a change (the partition's `fixed`).
 */
export async function addCustomField(
  workspace: SetupWorkspace,
  input: { documentTypeId: string; name: string; fieldType: CustomFieldType; choices?: string[] },
): Promise<Result<CustomField, SetupError>> {
  const name = cleanName(input.name);
  const fields = await currentRecords(workspace, 'customField');
  const siblings = fields.filter((f) => f.documentTypeId === input.documentTypeId);
  const clash = siblings.find((f) => same(f.name, name));
  if (clash) return nameTaken('field', clash.name);
  const field: CustomField = {
    ...newRecordBase(),
    kind: 'customField',
    name,
    documentTypeId: input.documentTypeId,
    fieldType: input.fieldType,
    ...(input.fieldType === 'choice' && { choices: input.choices ?? [] }),
    order: siblings.length === 0 ? 0 : Math.max(...siblings.map((f) => f.order ?? 0)) + 1,
  };
  const made = await createRecords(workspace, 'customField', [field]);
  return made.ok ? ok(field) : made;
}

/** A field's name, choices or archiving; never its type or its document type. */
export async function changeCustomField(
  workspace: SetupWorkspace,
  id: string,
  change: { name?: string; choices?: string[]; archived?: boolean },
): Promise<Result<CustomField, SetupError>> {
  const name = change.name === undefined ? undefined : cleanName(change.name);
  const fields = await currentRecords(workspace, 'customField');
  return changeRecord(workspace, 'customField', id, (current) => {
    if (name !== undefined) {
      const clash = fields.find(
        (f) => f.id !== id && f.documentTypeId === current.documentTypeId && same(f.name, name),
      );
      if (clash) return nameTaken('field', clash.name);
    }
    let next: CustomField = name === undefined ? current : { ...current, name };
    if (change.choices !== undefined && current.fieldType === 'choice')
      next = { ...next, choices: change.choices };
    if (change.archived !== undefined)
      next = change.archived ? { ...next, archived: true } : without(next, 'archived');
    return ok(next);
  });
}
