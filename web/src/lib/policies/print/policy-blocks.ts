import type { PolicyTextNode } from '@clinicdesk/shared/policies/policy-text-tree.ts';

/**
 * A policy text as the blocks a printed page, a plain-text view and search read: headings,
 * paragraphs (list items become paragraphs with their marker and depth), tables and rules. The
 * words as a reader sees them, in order; formatting other than a heading's level is dropped.
 */
export type PolicyBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string; depth: number; marker?: string }
  | { type: 'table'; rows: { header: boolean; cells: string[] }[] }
  | { type: 'rule' };

type Element = Exclude<PolicyTextNode, { type: 'text' }>;
const isText = (node: PolicyTextNode): node is Extract<PolicyTextNode, { type: 'text' }> =>
  node.type === 'text' && 'text' in node;

/** The words of an inline run of nodes (a paragraph's, a cell's), a hard break as a space. */
export function inlineText(node: PolicyTextNode): string {
  if (isText(node)) return node.text;
  if (node.type === 'hardBreak') return ' ';
  const inline = (node.content ?? []).map(inlineText);
  const blocks = (node.content ?? []).some((child) => !isText(child) && child.type !== 'hardBreak');
  return inline
    .join(blocks ? ' ' : '')
    .replace(/\s+/g, ' ')
    .trim();
}

const numberAttr = (node: Element, name: string, fallback: number): number => {
  const value = node.attrs?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

export function policyBlocks(tree: PolicyTextNode): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  walk(tree, 0, blocks);
  return blocks;
}

function walk(node: PolicyTextNode, depth: number, out: PolicyBlock[], marker?: string): void {
  if (isText(node)) {
    if (node.text.trim() !== '') out.push({ type: 'paragraph', text: node.text, depth });
    return;
  }
  switch (node.type) {
    case 'heading':
      out.push({ type: 'heading', level: numberAttr(node, 'level', 1), text: inlineText(node) });
      return;
    case 'paragraph':
    case 'codeBlock':
      out.push({
        type: 'paragraph',
        text: inlineText(node),
        depth,
        ...(marker ? { marker } : {}),
      });
      return;
    case 'horizontalRule':
      out.push({ type: 'rule' });
      return;
    case 'table':
      out.push({
        type: 'table',
        rows: (node.content ?? []).map((row) => ({
          header: !isText(row) && (row.content ?? []).some((cell) => cell.type === 'tableHeader'),
          cells: isText(row) ? [row.text] : (row.content ?? []).map(inlineText),
        })),
      });
      return;
    case 'bulletList':
    case 'orderedList':
    case 'taskList': {
      const start = numberAttr(node, 'start', 1);
      (node.content ?? []).forEach((item, index) => {
        const mark =
          node.type === 'orderedList'
            ? `${start + index}.`
            : node.type === 'taskList'
              ? !isText(item) && item.attrs?.['checked'] === true
                ? '☑'
                : '☐'
              : '•';
        listItem(item, depth + 1, out, mark);
      });
      return;
    }
    default:
      for (const child of node.content ?? []) walk(child, depth, out, marker);
  }
}

/** An item's first paragraph carries its marker; what follows is indented under it. */
function listItem(item: PolicyTextNode, depth: number, out: PolicyBlock[], marker: string): void {
  if (isText(item)) {
    out.push({ type: 'paragraph', text: item.text, depth, marker });
    return;
  }
  let marked = false;
  for (const child of item.content ?? []) {
    const before = out.length;
    walk(child, depth, out, marked ? undefined : marker);
    if (out.length > before) marked = true;
  }
  if (!marked) out.push({ type: 'paragraph', text: '', depth, marker });
}

/** The text as plain lines: headings, markers before items, table cells apart by tabs. */
export function blocksAsPlainText(blocks: readonly PolicyBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return block.text;
        case 'paragraph':
          return `${'  '.repeat(Math.max(0, block.depth - 1))}${block.marker ? `${block.marker} ` : ''}${block.text}`;
        case 'table':
          return block.rows.map((row) => row.cells.join('\t')).join('\n');
        case 'rule':
          return '—';
      }
    })
    .join('\n');
}
