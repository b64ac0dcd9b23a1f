export function load({ params }) {
  return { policyId: params.policyId };
}
