/** A calendar day as the office writes it: 2027-01-04 → 01/04/2027. */
export function usDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${month}/${day}/${year}`;
}
