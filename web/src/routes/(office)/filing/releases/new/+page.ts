/** `?patient=<id>`: the form opens for that patient (from a chart's "Release records…"). */
export function load({ url }) {
  return { patientId: url.searchParams.get('patient') ?? undefined };
}
