export function load({ params }) {
  return { patientId: params.id };
}
