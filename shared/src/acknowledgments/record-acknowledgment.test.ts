import { describe, expect, it } from 'vitest';
import { at, editorFor, HASH_1, published } from '../policies/policy.fixture.ts';
import type { QuizQuestion } from '../policies/policy-version.schema.ts';
import { campaign, STAFF, v1 } from './acknowledgment.fixture.ts';
import { acknowledgmentSchema } from './acknowledgment.schema.ts';
import { gradeQuiz } from './grade-quiz.ts';
import { type AcknowledgmentInput, recordAcknowledgment } from './record-acknowledgment.ts';

const dana = STAFF[0]!;
const sam = STAFF[1]!;
// The reception tablet is signed in as Dana; it is offline.
const tablet = { deviceId: '019abc00-0000-7000-8000-000000000007', offline: true, session: editorFor(dana.id, 7) }; // prettier-ignore
const give = (input: Partial<AcknowledgmentInput>, now = at('2026-02-10')) =>
  recordAcknowledgment({ campaign, version: v1, person: dana, method: 'typed-name', typedName: 'Dana Reyes', ...input }, tablet, now); // prettier-ignore

const quiz: QuizQuestion[] = [
  {
    id: 'q1',
    prompt: 'Who may see a chart?',
    choices: ['Anyone', 'Those who need it'],
    correct: 1,
  },
  { id: 'q2', prompt: 'Report a breach to?', choices: ['Privacy officer', 'No one'], correct: 0 },
];

describe('recordAcknowledgment', () => {
  it('records person, version, content hash, time, device, method and that it was offline', () => {
    const result = give({});
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.acknowledgment).toMatchObject({
      id: `${v1.id}-u-dana`,
      staffId: 'u-dana',
      versionId: v1.id,
      contentHash: HASH_1,
      acknowledgedAt: '2026-02-10T09:00:00.000Z',
      deviceId: tablet.deviceId,
      method: 'typed-name',
      typedName: 'Dana Reyes',
      offline: true,
    });
    expect(acknowledgmentSchema.safeParse(result.value.acknowledgment).error).toBeUndefined();
  });

  it('lets colleagues acknowledge one after another on the tablet, each confirming who they are', () => {
    const first = give({});
    const second = give(
      { person: sam, method: 'pin', pinConfirmed: true, typedName: undefined },
      at('2026-02-10'),
    );
    if (!first.ok || !second.ok) throw new Error('refused');
    expect([first.value.acknowledgment.staffId, second.value.acknowledgment.staffId]).toEqual(['u-dana', 'u-sam']); // prettier-ignore
    // Recorded under the tablet's session, which stays signed in as Dana.
    expect(second.value.acknowledgment.recordedBy.userId).toBe('u-dana');
    expect(second.value.acknowledgment.id).not.toBe(first.value.acknowledgment.id);
  });

  it('refuses a name that is not the person’s, and a PIN the device did not check', () => {
    expect(give({ typedName: 'Sam Okafor' })).toMatchObject({ ok: false, error: { code: 'typed-name-mismatch' } }); // prettier-ignore
    expect(give({ typedName: '  dana   reyes ' })).toMatchObject({ ok: true });
    expect(give({ person: sam, method: 'pin' })).toMatchObject({ ok: false, error: { code: 'identity-not-confirmed' } }); // prettier-ignore
  });

  it('acknowledges only a published version', () => {
    expect(give({ version: { ...v1, status: 'in-review' } })).toMatchObject({ ok: false, error: { code: 'not-published' } }); // prettier-ignore
  });

  it('records every quiz attempt and acknowledges only when all answers are right', () => {
    const version = published(1, { quiz });
    const failed = give({ version, answers: [1, 1] });
    if (!failed.ok) throw new Error(failed.error.code);
    expect(failed.value.passed).toBe(false);
    expect(failed.value.acknowledgment.acknowledgedAt).toBeUndefined();
    const passed = give({ version, answers: [1, 0], existing: failed.value.acknowledgment }, at('2026-02-11')); // prettier-ignore
    if (!passed.ok) throw new Error(passed.error.code);
    expect(passed.value.passed).toBe(true);
    expect(passed.value.acknowledgment.attempts?.map((a) => a.passed)).toEqual([false, true]);
    expect(passed.value.acknowledgment.acknowledgedAt).toBe('2026-02-11T09:00:00.000Z');
    expect(give({ version, answers: [1, 0], existing: passed.value.acknowledgment })).toMatchObject({ ok: false, error: { code: 'already-acknowledged' } }); // prettier-ignore
  });

  it('grades a quiz: all right to pass, the wrong ones named', () => {
    expect(gradeQuiz(quiz, [1, 0])).toEqual({ passed: true, wrong: [] });
    expect(gradeQuiz(quiz, [0, 0])).toEqual({ passed: false, wrong: [0] });
    expect(gradeQuiz(quiz, [1])).toEqual({ passed: false, wrong: [1] });
  });
});
