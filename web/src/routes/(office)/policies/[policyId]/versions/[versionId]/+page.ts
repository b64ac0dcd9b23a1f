export function load({ params }) {
  return { policyId: params.policyId, versionId: params.versionId };
}
