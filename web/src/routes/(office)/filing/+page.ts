/** `?patient=<id>`: the list opens narrowed to that patient (from their chart's "All documents"). */
export function load({ url }) {
  return { patientId: url.searchParams.get('patient') ?? undefined };
}
