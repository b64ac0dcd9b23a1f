import { z } from 'zod';
import { calendarDate, deviceStamp } from '../dates/plausible-dates.ts';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { contentHash, recordId, staffIds } from './policy-fields.ts';
import { versionIdOf } from './policy-ids.ts';
import { VERSION_STATUSES } from './policy-labels.ts';
import { isReadablePolicyText, POLICY_TEXT_PATTERN } from './policy-text.ts';

/** A question staff answer before acknowledging, with the index of its right choice. */
export const quizQuestionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,20}$/, 'Not a valid question id'),
    prompt: lineText('question', 300),
    choices: z.array(lineText('choice', 200)).min(2).max(6),
    correct: z.number().int().min(0).max(5),
  })
  .refine((question) => question.correct < question.choices.length, {
    path: ['correct'],
    message: 'The right answer must be one of the choices',
  });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/**
 * One version of a policy's text, from draft to superseded. The text is a Yjs document (what
 * the editor edits), so that two people writing the same draft while apart both keep their
 * words (`mergePolicyVersions`). A version leaves `draft` and `in-review` only with its content
 * fixed: approvals are bound to `contentHash`, and a published version never changes
 * (`policyVersionChange`).
 */
export const policyVersionSchema = z
  .strictObject({
    id: recordId,
    policyId: recordId,
    versionNumber: z.number().int().min(1).max(999),
    status: z.enum(VERSION_STATUSES),
    /** The day it takes effect (may be after publication: "published, effective on …"). */
    effectiveOn: calendarDate('effective date').optional(),
    /** What changed since the version before, for readers and approvers. */
    changeSummary: lineText('change summary', 500).optional(),
    /** A material change calls for acknowledgment again; an editorial one does not. */
    materialChange: z.boolean(),
    /** The rich text: a Yjs update (base64) of the fragment Tiptap's Collaboration edits. */
    text: z
      .string()
      .regex(POLICY_TEXT_PATTERN, 'Not a policy text')
      .max(4_000_000)
      // Merged on every device and the server: an update Yjs cannot read would stop the merge.
      .refine(isReadablePolicyText, 'Not a policy text'),
    /** SHA-256 of `canonicalPolicyContent`, set when review starts and on every edit after. */
    contentHash: contentHash.optional(),
    /**
     * Counts the times it was sent for review: a version sent back and sent again is signed
     * afresh, from the first approver, even if its text came back the same.
     */
    reviewRound: z.number().int().min(0).max(999),
    /** Who signs, in order (the policy's, else its manual's, when review started). */
    approvers: staffIds,
    /** Who writes this draft besides the policy's owner and the office manager. */
    authors: staffIds,
    quiz: z.array(quizQuestionSchema).max(20).optional(),
    /** The notice's own version label, where patients are told one (e.g. "2026-01"). */
    versionLabel: lineText('version label', 40).optional(),
    approvedAt: deviceStamp.optional(),
    publishedAt: deviceStamp.optional(),
    /** The day the next version took effect: from then on this one is history. */
    supersededOn: calendarDate('superseded date').optional(),
    retiredOn: calendarDate('retirement date').optional(),
    ...documentBase('policyVersion'),
  })
  // The id names the policy and the number (see versionIdOf): two devices starting the same
  // revision write one version, whose texts then merge.
  .refine((version) => version.id === versionIdOf(version.policyId, version.versionNumber), {
    path: ['id'],
    message: 'The version id names another policy or version number',
  });
export type PolicyVersion = z.infer<typeof policyVersionSchema>;
