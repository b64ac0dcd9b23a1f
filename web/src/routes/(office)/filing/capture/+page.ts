/** `?patient=<id>` preselects the patient (from their chart); `?inbox=1` sends the scan to the inbox. */
export function load({ url }) {
  return {
    patientId: url.searchParams.get('patient') ?? undefined,
    toInbox: url.searchParams.get('inbox') === '1',
  };
}
