import { rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import { wrapText, type TextStyle } from './pdf-layout.ts';

/**
 * Text laid out down pages that ClinicDesk writes (cover letters, printed accountings): lines
 * flow onto a new page when one is full, and a table row that does not fit continues on the
 * next, under the table's header again (`onNewPage`). Laying out is apart from drawing, so the
 * number of pages is known before anything is drawn (a cover letter lists page numbers that
 * depend on its own length).
 */

/** US Letter, in points. */
export const LETTER = { width: 612, height: 792 } as const;

export type PageFrame = {
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number };
};

type Run = { text: string; x: number; baseline: number; style: TextStyle };
type Rule = { x: number; y: number; width: number; thickness: number };
export type LaidOutPage = { runs: Run[]; rules: Rule[] };

export type Cell = { text: string; style: TextStyle; x: number; width: number };

export class PageFlow {
  readonly pages: LaidOutPage[] = [];
  private y = 0;
  /** Nothing but what `onNewPage` put there is on this page yet. */
  private fresh = true;

  private readonly frame: PageFrame;
  private readonly onNewPage: (flow: PageFlow) => void;

  constructor(frame: PageFrame, onNewPage: (flow: PageFlow) => void = () => {}) {
    this.frame = frame;
    this.onNewPage = onNewPage;
    this.newPage();
  }

  /** Width between the side margins, where `x` = 0 is the left margin. */
  get width(): number {
    return this.frame.width - this.frame.margin.left - this.frame.margin.right;
  }

  newPage(): void {
    this.pages.push({ runs: [], rules: [] });
    this.y = this.frame.height - this.frame.margin.top;
    this.onNewPage(this);
    this.fresh = true;
  }

  private get page(): LaidOutPage {
    const page = this.pages.at(-1);
    if (!page) throw new Error('PageFlow has no page (the constructor opens one)');
    return page;
  }

  private fits(height: number): boolean {
    return this.y - height >= this.frame.margin.bottom;
  }

  /** A new page unless `height` more fits on this one (keeps a block together). */
  keep(height: number): void {
    if (!this.fits(height) && !this.fresh) this.newPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  /** One line already fitted to its width (see `fitText`). */
  line(text: string, style: TextStyle, { x = 0, leading = style.size * 1.35 } = {}): void {
    this.keep(leading);
    this.page.runs.push({ text, x, baseline: this.baselineOf(style, leading), style });
    this.y -= leading;
    this.fresh = false;
  }

  paragraph(
    text: string,
    style: TextStyle,
    options: { x?: number; width?: number; leading?: number } = {},
  ): void {
    const x = options.x ?? 0;
    for (const line of wrapText(text, style, options.width ?? this.width - x))
      this.line(line, style, { x, leading: options.leading ?? style.size * 1.35 });
  }

  /** A table row: each cell wrapped to its column; a row taller than what is left goes on. */
  row(cells: Cell[], { leading }: { leading: number }): void {
    const columns = cells.map((cell) => wrapText(cell.text, cell.style, cell.width));
    const lineCount = Math.max(...columns.map((lines) => lines.length));
    const { top, bottom } = this.frame.margin;
    // A row that fits on a page starts on a new one rather than being cut in two.
    if (lineCount * leading <= (this.frame.height - top - bottom) / 2)
      this.keep(lineCount * leading);
    for (let index = 0; index < lineCount; index++) {
      this.keep(leading);
      const baseline = this.baselineOf(cells[0]?.style ?? { size: leading }, leading);
      cells.forEach((cell, column) => {
        const text = columns[column]?.[index];
        if (text) this.page.runs.push({ text, x: cell.x, baseline, style: cell.style });
      });
      this.y -= leading;
      this.fresh = false;
    }
  }

  rule({ thickness = 0.5, x = 0, width = this.width } = {}): void {
    this.page.rules.push({ x, y: this.y, width, thickness });
  }

  private baselineOf({ size }: { size: number }, leading: number): number {
    return this.y - (leading + size * 0.7) / 2;
  }
}

/** Draws laid-out pages as new pages of `doc`, in order; returns them. */
export function drawPages(doc: PDFDocument, pages: LaidOutPage[], frame: PageFrame): PDFPage[] {
  return pages.map((laidOut) => {
    const page = doc.addPage([frame.width, frame.height]);
    const left = frame.margin.left;
    for (const run of laidOut.runs)
      page.drawText(run.text, {
        x: left + run.x,
        y: run.baseline,
        ...run.style,
        color: rgb(0, 0, 0),
      });
    for (const rule of laidOut.rules) {
      const [start, end] = [
        { x: left + rule.x, y: rule.y },
        { x: left + rule.x + rule.width, y: rule.y },
      ];
      page.drawLine({ start, end, thickness: rule.thickness, color: rgb(0.4, 0.4, 0.4) });
    }
    return page;
  });
}
