import { z } from 'zod';
import { TEXT_FAULT_MESSAGES, textFault } from './well-formed-text.ts';

/**
 * Free text over several lines (a filed document's notes, the text recognised in a scan) of at
 * most `max` characters: well-formed (ADR 16) but, unlike `lineText`, with line breaks and tabs.
 * Empty is allowed: such a field is optional and may be cleared.
 */
export function longText(label: string, max: number) {
  return z
    .string()
    .max(max, `The ${label} can be at most ${max.toLocaleString('en-US')} characters`)
    .superRefine((value, ctx) => {
      const fault = textFault(value);
      if (fault)
        ctx.addIssue({ code: 'custom', message: `The ${label} ${TEXT_FAULT_MESSAGES[fault]}` });
    });
}
