/** `?from=<version number>&to=<version number>`: which two versions to compare. */
export function load({ params, url }) {
  const number = (name: string) => {
    const value = Number(url.searchParams.get(name));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  return { policyId: params.policyId, from: number('from'), to: number('to') };
}
