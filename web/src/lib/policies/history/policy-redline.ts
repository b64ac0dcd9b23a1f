import { diffArrays, diffWordsWithSpace } from 'diff';
import type { PolicyBlock } from '../print/policy-blocks.ts';

/**
 * A redline between two versions of a policy: what a reader of the older version must notice
 * in the newer one. It compares the texts as blocks (headings, paragraphs and list items, tables
 * row by row, rules), so an inserted step is one added step — not a run of words spliced across
 * three — and a renumbered list is not a change; within a block that changed, words are marked.
 */
export type Change = 'inserted' | 'deleted';
export type Segment = { text: string; change?: Change };
/** `changed`: the block is in both versions, with words marked; the others are whole blocks. */
export type BlockChange = 'same' | 'changed' | Change;

export type RedlineRow = { header: boolean; change: BlockChange; cells: Segment[][] };
export type RedlineBlock =
  | { type: 'heading'; change: BlockChange; level: number; segments: Segment[] }
  | {
      type: 'paragraph';
      change: BlockChange;
      depth: number;
      marker?: Segment[];
      segments: Segment[];
    }
  | { type: 'table'; change: BlockChange; rows: RedlineRow[] }
  | { type: 'rule'; change: BlockChange };

export type Redline = {
  blocks: RedlineBlock[];
  /** Words (not spaces or punctuation alone) added and removed, for the summary line. */
  wordsInserted: number;
  wordsDeleted: number;
  /** Blocks added, removed or changed. */
  blocksChanged: number;
};

/** Below this share of words in common, a paragraph is shown as removed and another added. */
const SAME_BLOCK_SIMILARITY = 0.35;

/** Numbered items are renumbered by an insertion above them: the number is not the content. */
function markerKind(marker: string | undefined): string {
  if (marker === undefined) return '';
  return /^\d+\.$/.test(marker) ? '1.' : marker;
}

function sameBlock(a: PolicyBlock, b: PolicyBlock): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'heading':
      return b.type === 'heading' && a.level === b.level && a.text === b.text;
    case 'paragraph':
      return (
        b.type === 'paragraph' &&
        a.text === b.text &&
        a.depth === b.depth &&
        markerKind(a.marker) === markerKind(b.marker)
      );
    case 'table':
      return b.type === 'table' && JSON.stringify(a.rows) === JSON.stringify(b.rows);
    case 'rule':
      return true;
  }
}

const WORD = /[\p{L}\p{N}]/u;
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function similarity(a: string, b: string): number {
  const left = wordsOf(a);
  const right = wordsOf(b);
  if (left.length === 0 && right.length === 0) return 1;
  const pool = new Map<string, number>();
  for (const word of left) pool.set(word, (pool.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of right) {
    const left = pool.get(word) ?? 0;
    if (left > 0) {
      common++;
      pool.set(word, left - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

function textOfBlock(block: PolicyBlock): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'table':
      return block.rows.map((row) => row.cells.join(' ')).join(' ');
    case 'rule':
      return '';
  }
}

/** Two blocks close enough to read as one block edited rather than one replaced by another. */
function pairable(a: PolicyBlock, b: PolicyBlock): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'rule' || a.type === 'table') return true;
  return similarity(textOfBlock(a), textOfBlock(b)) >= SAME_BLOCK_SIMILARITY;
}

/**
 * Words added and removed within one block. Changes apart by a space only read as one
 * ("[-one document][+two documents]", not "[-one][+two] [-document][+documents]").
 */
export function wordDiff(before: string, after: string): Segment[] {
  const out: Segment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ text: deleted, change: 'deleted' });
    if (inserted) out.push({ text: inserted, change: 'inserted' });
    deleted = inserted = '';
  };
  const parts = diffWordsWithSpace(before, after);
  parts.forEach((part, index) => {
    if (part.added) inserted += part.value;
    else if (part.removed) deleted += part.value;
    else if (
      /^\s+$/.test(part.value) &&
      (deleted || inserted) &&
      (parts[index + 1]?.added || parts[index + 1]?.removed)
    ) {
      if (deleted) deleted += part.value;
      if (inserted) inserted += part.value;
    } else {
      flush();
      out.push({ text: part.value });
    }
  });
  flush();
  return out;
}

const whole = (text: string, change: BlockChange): Segment[] =>
  change === 'inserted' || change === 'deleted' ? [{ text, change }] : [{ text }];

function wholeBlock(block: PolicyBlock, change: BlockChange): RedlineBlock {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', change, level: block.level, segments: whole(block.text, change) };
    case 'paragraph':
      return {
        type: 'paragraph',
        change,
        depth: block.depth,
        ...(block.marker !== undefined ? { marker: [{ text: block.marker }] } : {}),
        segments: whole(block.text, change),
      };
    case 'table':
      return {
        type: 'table',
        change,
        rows: block.rows.map((row) => ({
          header: row.header,
          change,
          cells: row.cells.map((cell) => whole(cell, change)),
        })),
      };
    case 'rule':
      return { type: 'rule', change };
  }
}

function changedTable(
  before: Extract<PolicyBlock, { type: 'table' }>,
  after: Extract<PolicyBlock, { type: 'table' }>,
): RedlineBlock {
  const key = (row: { header: boolean; cells: string[] }) => JSON.stringify(row);
  const rows: RedlineRow[] = [];
  pairRuns(
    diffArrays(before.rows, after.rows, { comparator: (a, b) => key(a) === key(b) }),
    (row) => rows.push({ header: row.header, change: 'same', cells: row.cells.map((c) => [{ text: c }]) }),
    (row, change) => rows.push({ header: row.header, change, cells: row.cells.map((c) => whole(c, change)) }),
    (old, row) => {
      const width = Math.max(old.cells.length, row.cells.length);
      const cells = Array.from({ length: width }, (_, i) =>
        wordDiff(old.cells[i] ?? '', row.cells[i] ?? ''),
      );
      rows.push({ header: row.header, change: 'changed', cells });
    },
    (old, row) => similarity(old.cells.join(' '), row.cells.join(' ')) >= SAME_BLOCK_SIMILARITY,
  ); // prettier-ignore
  return { type: 'table', change: 'changed', rows };
}

function changedBlock(before: PolicyBlock, after: PolicyBlock): RedlineBlock {
  if (before.type === 'table' && after.type === 'table') return changedTable(before, after);
  if (before.type === 'heading' && after.type === 'heading')
    return {
      type: 'heading',
      change: 'changed',
      level: after.level,
      segments: wordDiff(before.text, after.text),
    };
  if (before.type === 'paragraph' && after.type === 'paragraph') {
    // A number that moved is not a change; a box ticked or a bullet become a step is.
    const marker =
      after.marker === undefined && before.marker === undefined
        ? undefined
        : markerKind(before.marker) === markerKind(after.marker)
          ? [{ text: after.marker ?? '' }]
          : wordDiff(before.marker ?? '', after.marker ?? '');
    const segments = wordDiff(before.text, after.text);
    const same = segments.every((s) => !s.change) && marker?.every((s) => !s.change) !== false;
    return {
      type: 'paragraph',
      change: same && before.depth === after.depth ? 'same' : 'changed',
      depth: after.depth,
      ...(marker ? { marker } : {}),
      segments,
    };
  }
  return wholeBlock(after, 'same');
}

type ArrayChange<T> = { value: T[]; added?: boolean; removed?: boolean };

/**
 * Walks a diff of arrays: items in common, then each run of removed and added items, pairing
 * a removed item with the added item at the same place in its run when `pairs` says they are
 * one item edited; the rest are removed or added whole, in reading order.
 */
function pairRuns<T>(
  changes: ArrayChange<T>[],
  same: (item: T) => void,
  alone: (item: T, change: Change) => void,
  edited: (before: T, after: T) => void,
  pairs: (before: T, after: T) => boolean,
): void {
  for (let i = 0; i < changes.length; i++) {
    const part = changes[i]!;
    if (!part.added && !part.removed) {
      part.value.forEach(same);
      continue;
    }
    const next = changes[i + 1];
    const removed = part.removed ? part.value : next?.removed ? next.value : [];
    const added = part.added ? part.value : next?.added ? next.value : [];
    if (next && (next.added || next.removed) && next.added !== part.added) i++;
    // Unpaired items read removed-then-added, each group where it stood.
    let r = 0;
    let pending: T[] = [];
    const flush = () => {
      for (const item of pending) alone(item, 'inserted');
      pending = [];
    };
    for (const item of added) {
      const match = removed.findIndex((old, index) => index >= r && pairs(old, item));
      if (match >= 0) {
        for (; r < match; r++) alone(removed[r]!, 'deleted');
        flush();
        edited(removed[r]!, item);
        r++;
      } else pending.push(item);
    }
    for (; r < removed.length; r++) alone(removed[r]!, 'deleted');
    flush();
  }
}

const countWords = (segments: readonly Segment[], change: Change): number =>
  segments
    .filter((segment) => segment.change === change && WORD.test(segment.text))
    .reduce((sum, segment) => sum + wordsOf(segment.text).length, 0);

function segmentsOf(block: RedlineBlock): Segment[] {
  switch (block.type) {
    case 'heading':
      return block.segments;
    case 'paragraph':
      return block.segments;
    case 'table':
      return block.rows.flatMap((row) => row.cells.flat());
    case 'rule':
      return [];
  }
}

/** The redline from `before` (the older version's blocks) to `after`. */
export function policyRedline(
  before: readonly PolicyBlock[],
  after: readonly PolicyBlock[],
): Redline {
  const blocks: RedlineBlock[] = [];
  pairRuns(
    diffArrays([...before], [...after], { comparator: sameBlock }),
    (block) => blocks.push(wholeBlock(block, 'same')),
    (block, change) => blocks.push(wholeBlock(block, change)),
    (old, block) => blocks.push(changedBlock(old, block)),
    pairable,
  );
  const all = blocks.flatMap(segmentsOf);
  return {
    blocks,
    wordsInserted: countWords(all, 'inserted'),
    wordsDeleted: countWords(all, 'deleted'),
    blocksChanged: blocks.filter((block) => block.change !== 'same').length,
  };
}

/** Whether two versions read the same (a new version may change only its summary or flags). */
export function sameText(before: readonly PolicyBlock[], after: readonly PolicyBlock[]): boolean {
  return (
    before.length === after.length &&
    before.every((block, index) => {
      const other = after[index]!;
      return sameBlock(block, other) && JSON.stringify(block) === JSON.stringify(other);
    })
  );
}
