import type { CustomField } from '@clinicdesk/shared/filing/custom-field.schema.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { Workspace } from '../../workspace.ts';
import { type CustomValue, inputText, valueOf } from './custom-values.ts';
import { PatientChoice } from './patient-choice.svelte.ts';

/**
 * The edit of one document's details, from the state it had when "Edit" was pressed
 * (`original`): what is typed here is applied onto the latest state when saved (saveDocument),
 * so what other tablets changed meanwhile stays.
 */
export class DocumentEdit {
  readonly original: FiledDocument;
  readonly patient: PatientChoice;
  title = $state('');
  documentDate = $state('');
  categoryId = $state('');
  documentTypeId = $state('');
  correspondentId = $state('');
  notes = $state('');
  expiresOn = $state('');
  /** Custom field inputs as typed, by field id. */
  fields = $state<Record<string, string>>({});

  constructor(
    workspace: Workspace,
    original: FiledDocument,
    fieldsOf: (typeId: string | undefined) => CustomField[],
  ) {
    this.original = original;
    this.patient = new PatientChoice(workspace, () => original.patientId);
    this.title = original.title;
    this.documentDate = original.documentDate ?? '';
    this.categoryId = original.categoryId ?? '';
    this.documentTypeId = original.documentTypeId ?? '';
    this.correspondentId = original.correspondentId ?? '';
    this.notes = original.notes ?? '';
    this.expiresOn = original.expiresOn ?? '';
    const values = original.fields ?? {};
    this.fields = Object.fromEntries(
      fieldsOf(original.documentTypeId).map((field) => [
        field.id,
        inputText(field, values[field.id]),
      ]),
    );
  }

  /**
   * The document as edited, or the first field that is not a value of its type. Custom values
   * of fields not shown (another type's) are kept as they were.
   */
  edited(fields: readonly CustomField[]): Result<FiledDocument, string> {
    const values: Record<string, CustomValue> = { ...this.original.fields };
    for (const field of fields) {
      const value = valueOf(field, this.fields[field.id] ?? '');
      if (!value.ok) return fail(value.error);
      if (value.value === undefined) delete values[field.id];
      else values[field.id] = value.value;
    }
    const doc: FiledDocument = { ...this.original, title: this.title.trim(), fields: values };
    const optional = {
      documentDate: this.documentDate,
      patientId: this.patient.id ?? '',
      categoryId: this.categoryId,
      documentTypeId: this.documentTypeId,
      correspondentId: this.correspondentId,
      notes: this.notes.trim(),
      expiresOn: this.expiresOn,
    };
    for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string][]) {
      if (value) doc[key] = value;
      else delete doc[key];
    }
    if (Object.keys(values).length === 0 && !this.original.fields) delete doc.fields;
    return ok(doc);
  }
}
