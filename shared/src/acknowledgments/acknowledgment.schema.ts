import { z } from 'zod';
import { deviceStamp } from '../dates/plausible-dates.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { contentHash, recordId, staffId } from '../policies/policy-fields.ts';
import { documentBase } from '../registry/document-base.ts';
import { editorSchema } from '../sync/conflict.schema.ts';
import { lineText } from '../text/line-text.ts';
import { ACKNOWLEDGMENT_METHODS } from './acknowledgment-labels.ts';

/** A person's acknowledgment of a version: `<version id>-<staff id>`, one per person and version. */
export function acknowledgmentIdOf(versionId: string, staffId: string): string {
  return `${versionId}-${staffId}`;
}

/** One try at the version's quiz: the choice given for each question, and whether all were right. */
export const quizAttemptSchema = z.strictObject({
  at: deviceStamp,
  answers: z.array(z.number().int().min(0).max(5)).max(20),
  passed: z.boolean(),
});
export type QuizAttempt = z.infer<typeof quizAttemptSchema>;

/**
 * One person's acknowledgment of one policy version: who, which version and content (its hash,
 * so it is bound to the text they read), when, on which device, how they confirmed who they are,
 * whether the device was offline, and their quiz attempts. Until `acknowledgedAt` is set (quiz
 * not yet passed) it records only the attempts.
 *
 * `recordedBy` is the session the device was signed in as: the person themselves, or whoever's
 * session the shared reception tablet is on while colleagues acknowledge one after another. It
 * is an author stamp, so the server takes it only from that session on that device.
 */
export const acknowledgmentSchema = z
  .strictObject({
    id: recordId,
    campaignId: recordId,
    policyId: recordId,
    versionId: recordId,
    staffId,
    contentHash,
    acknowledgedAt: deviceStamp.optional(),
    deviceId: z.string().regex(UUID_PATTERN, 'Not a valid device id'),
    method: z.enum(ACKNOWLEDGMENT_METHODS),
    typedName: lineText('typed name', 120).optional(),
    /** The device had no connection to the server when it was given. */
    offline: z.boolean(),
    recordedBy: editorSchema,
    attempts: z.array(quizAttemptSchema).max(20).optional(),
    ...documentBase('acknowledgment'),
  })
  .refine((ack) => ack.id === acknowledgmentIdOf(ack.versionId, ack.staffId), {
    path: ['id'],
    message: 'The acknowledgment id names another version or person',
  })
  .refine((ack) => ack.method !== 'typed-name' || !ack.acknowledgedAt || ack.typedName, {
    path: ['typedName'],
    message: 'Type your name to acknowledge',
  });
export type Acknowledgment = z.infer<typeof acknowledgmentSchema>;
