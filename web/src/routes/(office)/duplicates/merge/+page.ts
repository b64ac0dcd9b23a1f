export function load({ url }) {
  return {
    firstId: url.searchParams.get('first') ?? '',
    secondId: url.searchParams.get('second') ?? '',
  };
}
