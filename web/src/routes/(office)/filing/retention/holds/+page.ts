/**
 * `?patient=<id>` or `?document=<id>`: the form opens with that patient or document chosen
 * (from a chart or a document's page).
 */
export function load({ url }) {
  return {
    holdPatientId: url.searchParams.get('patient') ?? undefined,
    holdDocumentId: url.searchParams.get('document') ?? undefined,
  };
}
