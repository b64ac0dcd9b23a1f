import type { QuizQuestion } from '../policies/policy-version.schema.ts';

/**
 * A quiz passes only when every question is answered with its right choice (PolicyStat's and
 * Eramba's attestations: understanding, not just a click). `wrong` lists the questions to read
 * again, by index.
 */
export function gradeQuiz(
  questions: readonly QuizQuestion[],
  answers: readonly number[],
): { passed: boolean; wrong: number[] } {
  const wrong = questions.flatMap((question, i) => (answers[i] === question.correct ? [] : [i]));
  return { passed: wrong.length === 0 && answers.length === questions.length, wrong };
}
