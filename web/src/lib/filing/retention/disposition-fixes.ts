/**
 * Where the office manager fills in what a retention date needs. The review's server lists
 * a document it cannot date with the words of `retentionEnds` ("The document has no document
 * date"); the fact is read back from them here (disposition-fixes.test.ts keeps the two in step).
 */
export type MissingFix = { href: string; label: string };

export function fixFor(entry: {
  id: string;
  patientId?: string | undefined;
  missing?: string | undefined;
}): MissingFix {
  const missing = (entry.missing ?? '').toLowerCase();
  const documentPage = { href: `/filing/documents/${entry.id}`, label: 'Add the document date' };
  if (missing.includes('document date') || !entry.patientId) return documentPage;
  const patientPage = `/patients/${entry.patientId}`;
  if (missing.includes('date of birth'))
    return { href: patientPage, label: 'Add the patient’s date of birth' };
  if (missing.includes('visit')) return { href: patientPage, label: 'Open the patient’s chart' };
  return documentPage;
}
