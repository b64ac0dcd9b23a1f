export function load({ params }) {
  return { requestId: params.id };
}
