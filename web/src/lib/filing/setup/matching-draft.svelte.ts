import type { Matching } from '@clinicdesk/shared/filing/filing-fields.ts';
import type { MatchingAlgorithm } from '@clinicdesk/shared/filing/filing-labels.ts';
import { matches } from '@clinicdesk/shared/filing/matching/matches.ts';
import { validateMatchingRule } from '@clinicdesk/shared/filing/matching/matching-rule.ts';

/** A stretch of the sample text, matched or not, for the screen to mark. */
export interface SampleSegment {
  text: string;
  matched: boolean;
}

/**
 * A matching rule being written: checked as it is typed (`validateMatchingRule`, the rule's
 * own reasons) and tried against a sample the office manager pastes in, with the stretches it
 * matches marked, before it is saved.
 */
export class MatchingDraft {
  algorithm = $state<MatchingAlgorithm>('none');
  pattern = $state('');
  caseSensitive = $state(false);
  sample = $state('');

  constructor(saved: Matching | undefined) {
    this.reset(saved);
  }

  reset(saved: Matching | undefined): void {
    this.algorithm = saved?.algorithm ?? 'none';
    this.pattern = saved?.pattern ?? '';
    this.caseSensitive = saved?.caseSensitive ?? false;
  }

  get rule(): Matching {
    return { algorithm: this.algorithm, pattern: this.pattern, caseSensitive: this.caseSensitive };
  }

  /** Why the rule cannot be saved, or null when it can. */
  get problem(): string | null {
    const checked = validateMatchingRule(this.rule);
    return checked.ok ? null : checked.error.message;
  }

  /** The sample, cut where the rule matches; null while there is no sample or no valid rule. */
  get segments(): SampleSegment[] | null {
    if (this.sample === '' || this.problem !== null || this.algorithm === 'none') return null;
    const { ranges } = matches(this.rule, this.sample);
    const segments: SampleSegment[] = [];
    let at = 0;
    for (const { start, end } of ranges) {
      if (start > at) segments.push({ text: this.sample.slice(at, start), matched: false });
      segments.push({ text: this.sample.slice(start, end), matched: true });
      at = end;
    }
    if (at < this.sample.length) segments.push({ text: this.sample.slice(at), matched: false });
    return segments;
  }

  /** "Matches: 2 places" / "Does not match this text". */
  get verdict(): string | null {
    const segments = this.segments;
    if (!segments) return null;
    const found = segments.filter((s) => s.matched).length;
    if (found === 0) return 'Does not match this text';
    return `Matches this text in ${found} ${found === 1 ? 'place' : 'places'}`;
  }
}
