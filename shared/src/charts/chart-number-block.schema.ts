import { z } from 'zod';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';

/** Wire form of `POST /api/sync/v1/chart-numbers` (the answer: `ChartNumberBlockResponse`). */
export const chartNumberBlockRequestSchema = z.strictObject({
  requestId: z.string().regex(UUID_PATTERN),
});
export type ChartNumberBlockRequest = z.infer<typeof chartNumberBlockRequestSchema>;
