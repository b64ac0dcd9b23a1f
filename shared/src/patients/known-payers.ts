import { COVERAGE_ORDERS, type Coverage, type PayerType } from './coverage.schema.ts';

/** How two spellings of one payer compare: case, spacing and edge spaces do not count. */
export function payerKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}

/**
 * The insurance companies a practice has already typed, per payer type, from the coverages of
 * the patients on the device: each payer once (spellings that differ only in case or spacing are
 * one payer, written as most patients have it), the most used first, so a receptionist picks
 * "Cascade Mutual Health" instead of typing it again, slightly differently, for every patient.
 */
export function knownPayers(
  coverages: Iterable<Coverage | undefined>,
): ReadonlyMap<PayerType, readonly string[]> {
  // payer type → payer key → how often each spelling was used
  const counts = new Map<PayerType, Map<string, Map<string, number>>>();
  for (const coverage of coverages) {
    for (const order of COVERAGE_ORDERS) {
      const plan = coverage?.[order];
      const name = plan?.payerName?.trim().replace(/\s+/g, ' ');
      if (!plan || !name) continue;
      const ofType = counts.get(plan.payerType) ?? new Map<string, Map<string, number>>();
      counts.set(plan.payerType, ofType);
      const spellings = ofType.get(payerKey(name)) ?? new Map<string, number>();
      ofType.set(payerKey(name), spellings);
      spellings.set(name, (spellings.get(name) ?? 0) + 1);
    }
  }
  const byType = new Map<PayerType, readonly string[]>();
  for (const [type, payers] of counts) {
    const ranked = [...payers.values()].map((spellings) => {
      const [name] = [...spellings].sort(byUseThenName)[0] ?? ['', 0];
      const uses = [...spellings.values()].reduce((sum, n) => sum + n, 0);
      return [name, uses] as const;
    });
    byType.set(
      type,
      ranked.sort(byUseThenName).map(([name]) => name),
    );
  }
  return byType;
}

/** The practice's own spelling of a typed payer, or the typed text when the payer is new. */
export function knownSpelling(typed: string, known: readonly string[]): string {
  const key = payerKey(typed);
  if (key === '') return typed;
  return known.find((name) => payerKey(name) === key) ?? typed;
}

function byUseThenName(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1] || a[0].localeCompare(b[0], 'en-US');
}
