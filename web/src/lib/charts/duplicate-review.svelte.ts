import type { DuplicatePair } from '@clinicdesk/shared/charts/duplicate-review.ts';
import { dismissDuplicatePair, fetchDuplicatePairs, serverOnlyProblem } from './chart-api.ts';

/** The server's list of likely duplicate charts, for the person who reviews them. */
export class DuplicateReview {
  pairs = $state.raw<DuplicatePair[] | null>(null);
  problem = $state<string | null>(null);
  loading = $state(false);
  notice = $state<string | null>(null);
  private readonly deviceId: string;

  constructor(deviceId: string) {
    this.deviceId = deviceId;
  }

  async refresh(): Promise<void> {
    this.loading = true;
    const outcome = await fetchDuplicatePairs(this.deviceId);
    this.loading = false;
    if (outcome.ok) {
      this.pairs = outcome.value;
      this.problem = null;
    } else this.problem = serverOnlyProblem('The list of likely duplicates', outcome);
  }

  /** Records "not the same person"; the pair leaves the list for good. */
  async dismiss(pair: DuplicatePair): Promise<void> {
    this.notice = null;
    const outcome = await dismissDuplicatePair(this.deviceId, pair);
    if (!outcome.ok) {
      this.problem = serverOnlyProblem('Dismissing a pair', outcome);
      return;
    }
    this.pairs = (this.pairs ?? []).filter(
      (p) => p.firstId !== pair.firstId || p.secondId !== pair.secondId,
    );
    this.notice = `Recorded: ${pair.first.givenName} ${pair.first.familyName} and ${pair.second.givenName} ${pair.second.familyName} are not the same person.`;
  }
}
