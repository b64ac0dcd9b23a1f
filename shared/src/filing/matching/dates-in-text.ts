import { isCalendarDate } from '../../dates/calendar-days.ts';

/** A date found in a document's text, as ISO, and where it was written. */
export interface DateInText {
  date: string;
  start: number;
  end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMERIC = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/g;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const WRITTEN =
  /(?<![A-Za-z])(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/gi;

const iso = (year: string, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The dates a document writes the way US offices do — 03/14/1982, 3-14-1982, 03.14.1982
 * (month first), 1982-03-14, March 14, 1982 and Mar. 14th 1982 — as ISO dates, in text
 * order. Impossible dates (02/30/1982) are left out, and so are two-digit years: "01/02/03"
 * could be a birth in 1903 or 2003, and a patient suggested from a guessed century is worse
 * than none. Day-first dates (14/03/1982) are read only where no month-first reading exists.
 */
export function datesInText(text: string): DateInText[] {
  const found: DateInText[] = [];
  for (const match of text.matchAll(NUMERIC)) {
    const [first, second] = [Number(match[1]), Number(match[3])];
    const monthFirst = iso(match[4]!, first, second);
    const dayFirst = iso(match[4]!, second, first);
    const date = isCalendarDate(monthFirst) ? monthFirst : dayFirst;
    if (isCalendarDate(date))
      found.push({ date, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(ISO)) {
    const date = iso(match[1]!, Number(match[2]), Number(match[3]));
    if (isCalendarDate(date))
      found.push({ date, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(WRITTEN)) {
    const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1;
    const date = iso(match[3]!, month, Number(match[2]));
    if (isCalendarDate(date))
      found.push({ date, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
