/**
 * A policy body cut at its headings: enough structure to find a named section (Related) and to
 * check that no heading is left without content, without a markdown library in `shared/`.
 */
export type MarkdownSection = {
  /** 0 for the text before the first heading, else the number of `#`. */
  level: number;
  heading: string;
  /** The lines up to the next heading of any level. */
  lines: readonly string[];
};

const HEADING = /^(#{1,6}) (.+)$/;

export function markdownSections(body: string): MarkdownSection[] {
  const sections: { level: number; heading: string; lines: string[] }[] = [
    { level: 0, heading: '', lines: [] },
  ];
  for (const line of body.split('\n')) {
    const heading = HEADING.exec(line);
    if (heading)
      sections.push({ level: heading[1]?.length ?? 0, heading: heading[2] ?? '', lines: [] }); // prettier-ignore
    else sections.at(-1)?.lines.push(line);
  }
  return sections;
}

/**
 * Headings with nothing under them: no text before the next heading at the same or a higher
 * level (a heading followed only by its own subsections is not empty).
 */
export function emptySections(sections: readonly MarkdownSection[]): MarkdownSection[] {
  return sections.filter((section, i) => {
    if (section.level === 0) return false;
    if (section.lines.some((line) => line.trim() !== '')) return false;
    const next = sections[i + 1];
    return next === undefined || next.level <= section.level;
  });
}
