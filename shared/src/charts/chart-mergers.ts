import type { Role } from '../auth/roles.ts';

/** Who reviews likely duplicate charts and merges them (ADR 9). */
export const CHART_MERGERS = ['office-manager'] as const satisfies readonly Role[];

export function mergesCharts(role: Role): boolean {
  return (CHART_MERGERS as readonly Role[]).includes(role);
}
