import { fail, ok, type Result } from '../../result.ts';
import { parseFrontMatter } from './front-matter.ts';
import { isLegalReference } from './legal-reference.ts';
import { markdownSections } from './markdown-sections.ts';
import { STARTER_MANUALS, type StarterManualSlug } from './starter-manuals.ts';

/** One policy of the starter manual set, as a practice adopts it before editing. */
export type StarterPolicy = {
  /** e.g. "PRIV-05": the manual's prefix and a two-digit position. */
  number: string;
  title: string;
  manual: StarterManualSlug;
  /** e.g. "Privacy", "Front desk": the area a report groups policies by. */
  area: string;
  /** The role responsible for keeping it true, e.g. "Privacy Officer". */
  ownerRole: string;
  /** CFR citations, e.g. "45 CFR 164.524" (see legal-reference.ts). At least one. */
  legalReferences: readonly string[];
  reviewMonths: number;
  /**
   * The Notice of Privacy Practices: its body is the notice patients are given, and its
   * published version is the one check-in asks patients to acknowledge (issue 13 point 9).
   */
  isPrivacyNotice: boolean;
  /** Policy numbers listed under the body's "Related" heading, in their order there. */
  related: readonly string[];
  /** Markdown: headings, paragraphs, lists, task lists, simple tables and bold text only. */
  body: string;
  /** Where it comes from, inside the starter-manual folder: "front-desk/FD-01-….md". */
  file: string;
};

const NUMBER = /^([A-Z]+)-(\d{2})$/;
/** `<manual slug>/<number>-<lowercase-slug>.md` */
const FILE_NAME = /^([a-z-]+)\/([A-Z]+-\d{2})-[a-z0-9-]+\.md$/;
const RELATED_LINE = /^- ([A-Z]+-\d{2}) .+$/;
const FIELDS = [
  'number',
  'title',
  'manual',
  'area',
  'ownerRole',
  'reviewMonths',
  'privacyNotice',
  'legalReferences',
];
const DEFAULT_REVIEW_MONTHS = 12;

/** Reads one policy file (`file` is its path inside the starter-manual folder). */
export function parseStarterPolicy(file: string, text: string): Result<StarterPolicy> {
  const parsed = parseFrontMatter(text);
  if (!parsed.ok) return parsed;
  const { fields, body } = parsed.value;
  const unknown = [...fields.keys()].filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0)
    return fail({ code: 'unknown-field', message: `Unknown fields: ${unknown.join(', ')}` });

  const required = requiredTexts(fields);
  if (!required.ok) return required;
  const { number, title, area, ownerRole } = required.value;

  const manual = STARTER_MANUALS.find((m) => m.slug === required.value.manual);
  if (!manual)
    return fail({ code: 'unknown-manual', message: `No manual is named ${required.value.manual}` });
  const prefix = NUMBER.exec(number)?.[1];
  if (prefix !== manual.numberPrefix) {
    const message = `${number} must be ${manual.numberPrefix}- and two digits (manual ${manual.slug})`;
    return fail({ code: 'invalid-number', message });
  }
  const name = FILE_NAME.exec(file);
  if (name?.[1] !== manual.slug || name[2] !== number) {
    const message = `${file} must be named ${manual.slug}/${number}-<slug>.md`;
    return fail({ code: 'file-name-mismatch', message });
  }

  const reviewMonths = readReviewMonths(fields.get('reviewMonths'));
  if (!reviewMonths.ok) return reviewMonths;
  const privacyNotice = fields.get('privacyNotice') ?? 'false';
  if (privacyNotice !== 'true' && privacyNotice !== 'false')
    return fail({ code: 'invalid-field', message: 'privacyNotice is true or false' });

  const legalReferences = fields.get('legalReferences');
  if (
    legalReferences === undefined ||
    typeof legalReferences === 'string' ||
    legalReferences.length === 0
  )
    return fail({ code: 'missing-field', message: 'legalReferences must list at least one' });
  const malformed = legalReferences.filter((reference) => !isLegalReference(reference));
  if (malformed.length > 0) {
    const message = `Not a CFR citation ("45 CFR 164.524(b)(2)"): ${malformed.join(', ')}`;
    return fail({ code: 'invalid-legal-reference', message });
  }

  if (body === '') return fail({ code: 'empty-body', message: 'The policy has no text' });
  const related = relatedNumbers(body);
  if (!related.ok) return related;

  return ok({
    number,
    title,
    manual: manual.slug,
    area,
    ownerRole,
    legalReferences: [...legalReferences],
    reviewMonths: reviewMonths.value,
    isPrivacyNotice: privacyNotice === 'true',
    related: related.value,
    body,
    file,
  });
}

function readReviewMonths(value: string | readonly string[] | undefined): Result<number> {
  if (value === undefined) return ok(DEFAULT_REVIEW_MONTHS);
  const months = typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : 0;
  return months >= 1 && months <= 60
    ? ok(months)
    : fail({ code: 'invalid-field', message: 'reviewMonths is a whole number from 1 to 60' });
}

/** The policy numbers of the body's "## Related" list; every line there names one. */
function relatedNumbers(body: string): Result<string[]> {
  const section = markdownSections(body).find((s) => s.level === 2 && s.heading === 'Related');
  const lines = section?.lines.filter((line) => line.trim() !== '') ?? [];
  const wrong = lines.find((line) => !RELATED_LINE.test(line));
  if (wrong !== undefined) {
    const message = `A Related line is "- NUMBER Title": ${wrong}`;
    return fail({ code: 'related-malformed', message });
  }
  return ok(lines.map((line) => RELATED_LINE.exec(line)?.[1] ?? ''));
}

const REQUIRED = ['number', 'title', 'manual', 'area', 'ownerRole'] as const;

function requiredTexts(
  fields: ReadonlyMap<string, string | readonly string[]>,
): Result<Record<(typeof REQUIRED)[number], string>> {
  const missing = REQUIRED.find((key) => {
    const value = fields.get(key);
    return typeof value !== 'string' || value === '';
  });
  if (missing !== undefined)
    return fail({ code: 'missing-field', message: `${missing} must be given as "${missing}: …"` });
  const text = (key: (typeof REQUIRED)[number]) => {
    const value = fields.get(key);
    return typeof value === 'string' ? value : '';
  };
  return ok({
    number: text('number'),
    title: text('title'),
    manual: text('manual'),
    area: text('area'),
    ownerRole: text('ownerRole'),
  });
}
