import { z } from 'zod';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import type { Patient } from '../patients/patient.schema.ts';

/** Wire form of the duplicate review list (`GET /api/charts/duplicates`). */
export type DuplicatePair = {
  firstId: string;
  secondId: string;
  score: number;
  reasons: string[];
  foundAt: string;
  first: Patient;
  second: Patient;
};
export type DuplicatePairsResponse = { pairs: DuplicatePair[] };

/** The one key of a pair, whichever way round it is named. */
export function orderPair(a: string, b: string): { firstId: string; secondId: string } {
  return a < b ? { firstId: a, secondId: b } : { firstId: b, secondId: a };
}

/** Names a pair of charts (`POST /api/charts/duplicates/dismiss`). */
export const duplicatePairRefSchema = z.strictObject({
  firstId: z.string().regex(UUID_PATTERN),
  secondId: z.string().regex(UUID_PATTERN),
});
