import type { PolicyVersion } from '../policies/policy-version.schema.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import type { AcknowledgmentCampaign } from './acknowledgment-campaign.schema.ts';
import type { AcknowledgmentMethod } from './acknowledgment-labels.ts';
import { acknowledgmentIdOf, type Acknowledgment } from './acknowledgment.schema.ts';
import { gradeQuiz } from './grade-quiz.ts';

export type AcknowledgmentError = {
  code: 'not-published' | 'typed-name-mismatch' | 'identity-not-confirmed' | 'already-acknowledged'; // prettier-ignore
  message: string;
};

export type AcknowledgmentInput = {
  campaign: AcknowledgmentCampaign;
  /** The version the person read (the campaign's, or a later one it carries over to). */
  version: PolicyVersion;
  /** Who is acknowledging: the signed-in person, or a colleague at the shared tablet. */
  person: { id: string; name: string };
  method: AcknowledgmentMethod;
  /** The name typed, for `typed-name`. */
  typedName?: string;
  /**
   * For `pin`: whether the device checked the person's PIN (against the verifier it holds for
   * the shared tablet's staff; `shared/` has no hash to check it with).
   */
  pinConfirmed?: boolean;
  /** The quiz answers, when the version has a quiz. */
  answers?: readonly number[];
  /** Their record for this version so far (earlier quiz attempts). */
  existing?: Acknowledgment;
};

/**
 * A person acknowledges a published version: bound to its content hash, stamped with the
 * device, the way they confirmed who they are and whether the device was offline. Several people
 * may acknowledge one after another on one tablet without signing its session out: each
 * confirms who they are (PIN, or their name as their account has it), and the record names the
 * session it was recorded under. With a quiz, every answer must be right; each try is recorded,
 * and a failed one returns the record with the attempt and `passed: false`.
 */
export function recordAcknowledgment(
  input: AcknowledgmentInput,
  device: { deviceId: string; offline: boolean; session: Editor },
  now: Date,
): Result<{ acknowledgment: Acknowledgment; passed: boolean }, AcknowledgmentError> {
  const { version, person, existing } = input;
  if (version.status !== 'published' || !version.contentHash)
    return fail({ code: 'not-published', message: 'Only a published version is acknowledged' });
  if (existing?.acknowledgedAt)
    return fail({ code: 'already-acknowledged', message: 'Already acknowledged' });
  if (input.method === 'typed-name' && fold(input.typedName ?? '') !== fold(person.name))
    return fail({ code: 'typed-name-mismatch', message: `Type your name as ${person.name}` });
  if (input.method === 'pin' && input.pinConfirmed !== true)
    return fail({ code: 'identity-not-confirmed', message: 'Enter your PIN to confirm it is you' }); // prettier-ignore
  const at = now.toISOString();
  const questions = version.quiz ?? [];
  const grade = questions.length > 0 ? gradeQuiz(questions, input.answers ?? []) : undefined;
  const attempts = [
    ...(existing?.attempts ?? []),
    ...(grade ? [{ at, answers: [...(input.answers ?? [])], passed: grade.passed }] : []),
  ];
  const passed = grade?.passed ?? true;
  const acknowledgment: Acknowledgment = {
    id: acknowledgmentIdOf(version.id, person.id),
    kind: 'acknowledgment',
    campaignId: input.campaign.id,
    policyId: version.policyId,
    versionId: version.id,
    staffId: person.id,
    contentHash: version.contentHash,
    ...(passed ? { acknowledgedAt: at } : {}),
    deviceId: device.deviceId,
    method: input.method,
    ...(input.method === 'typed-name' ? { typedName: (input.typedName ?? '').trim() } : {}),
    offline: device.offline,
    recordedBy: existing?.recordedBy ?? device.session,
    ...(attempts.length > 0 ? { attempts } : {}),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    editedBy: device.session,
  };
  return ok({ acknowledgment, passed });
}

/** Names compare as people type them: case, accents' form and spacing aside. */
function fold(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}
