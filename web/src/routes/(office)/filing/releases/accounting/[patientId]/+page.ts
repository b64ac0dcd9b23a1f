export function load({ params }) {
  return { patientId: params.patientId };
}
