/**
 * A legal reference as the starter manual writes it: a Code of Federal Regulations section,
 * optionally narrowed to a paragraph, e.g. "45 CFR 164.524", "45 CFR 164.308(a)(1)(ii)(C)",
 * "29 CFR 1910.1030(h)(5)". One form everywhere, so that the app can search and group policies
 * by the rule they answer to.
 */
const CFR_SECTION = /^(\d{1,2}) CFR (\d{1,4})\.(\d{1,4})((?:\([a-zA-Z0-9]{1,5}\))*)$/;

export type LegalReference = {
  /** CFR title: 45 (public welfare: HIPAA), 29 (labor: OSHA, wage and hour), 42 (public health). */
  title: number;
  part: number;
  section: string;
  /** The paragraph designations, outermost first: ['a', '2', 'iii']. */
  paragraphs: readonly string[];
};

export function parseLegalReference(text: string): LegalReference | null {
  const match = CFR_SECTION.exec(text);
  if (!match) return null;
  const [, title = '', part = '', section = '', paragraphs = ''] = match;
  return {
    title: Number(title),
    part: Number(part),
    section: `${part}.${section}`,
    paragraphs: [...paragraphs.matchAll(/\(([a-zA-Z0-9]+)\)/g)].map((m) => m[1] ?? ''),
  };
}

export const isLegalReference = (text: string): boolean => parseLegalReference(text) !== null;
