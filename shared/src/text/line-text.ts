import { z } from 'zod';
import { TEXT_FAULT_MESSAGES, textFault, type TextFault } from './well-formed-text.ts';

/**
 * The stricter rule for one-line fields a person reads to recognise something: names, places,
 * identifiers, versions. Besides the rule for all text (`textFault`), such a field holds no line
 * breaks or tabs, no bidirectional marks and no invisible characters, so what staff read is what
 * is stored and two values that look the same are the same. A zero-width joiner or non-joiner
 * is kept between two letters, where Persian and Indic spellings need it.
 */
export type LineTextFault = TextFault | 'line-break' | 'bidi-mark' | 'invisible-character';

export const LINE_TEXT_FAULT_MESSAGES: Record<LineTextFault, string> = {
  ...TEXT_FAULT_MESSAGES,
  'line-break': 'must be on one line',
  'bidi-mark': 'holds a hidden character that changes the direction of the text',
  'invisible-character': 'holds an invisible character',
};

const LINE_BREAK = /[\t\n\r\u0085\u2028\u2029]/;
const BIDI_MARK = /[\u061C\u200E\u200F]/;
// Combining marks among them (U+034F, U+17B4, U+17B5) stand alone, outside the class.
const INVISIBLE =
  /[\u00AD\u115F\u1160\u180E\u200B\u2060-\u2064\u3164\uFEFF\uFFA0]|\u034F|\u17B4|\u17B5/;
const STRAY_JOINER = /(?<![\p{L}\p{M}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}])/u;

export function lineTextFault(text: string): LineTextFault | null {
  const fault = textFault(text);
  if (fault) return fault;
  if (LINE_BREAK.test(text)) return 'line-break';
  if (BIDI_MARK.test(text)) return 'bidi-mark';
  if (INVISIBLE.test(text) || STRAY_JOINER.test(text)) return 'invisible-character';
  return null;
}

/** "The city holds an invisible character": what a form shows beside the field. */
export function lineTextMessage(label: string, fault: LineTextFault): string {
  return `The ${label} ${LINE_TEXT_FAULT_MESSAGES[fault]}`;
}

/**
 * A one-line text field of at most `max` characters, named `label` in its messages. Present
 * unless the caller adds `.optional()`; `required` is the message for an empty value, or false
 * where an empty value has always been stored (an address's second line).
 */
export function lineText(
  label: string,
  max: number,
  required: string | false = `Enter the ${label}`,
) {
  const text = z.string();
  return (required === false ? text : text.min(1, required))
    .max(max, `The ${label} can be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const fault = lineTextFault(value);
      if (fault) ctx.addIssue({ code: 'custom', message: lineTextMessage(label, fault) });
    });
}
