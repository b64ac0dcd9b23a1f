export function load({ params, url }) {
  return { documentId: params.id, justFiled: url.searchParams.has('filed') };
}
