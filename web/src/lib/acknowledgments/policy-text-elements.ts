import type { PolicyTextNode } from '@clinicdesk/shared/policies/policy-text-tree.ts';

/**
 * Which HTML element shows each node of a policy text (Tiptap's node names), read-only. A node
 * this does not know is shown as a plain block, so no word of the text is ever hidden.
 */
const BLOCKS: Record<string, string> = {
  doc: 'div',
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  taskList: 'ul',
  taskItem: 'li',
  blockquote: 'blockquote',
  codeBlock: 'pre',
  table: 'table',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
  horizontalRule: 'hr',
  hardBreak: 'br',
};

export type ElementNode = Exclude<PolicyTextNode, { type: 'text' }>;
export type TextRun = Extract<PolicyTextNode, { type: 'text' }>;

export function isTextRun(node: PolicyTextNode): node is TextRun {
  return node.type === 'text' && 'text' in node;
}

export function elementOf(node: ElementNode): string {
  if (node.type === 'heading') {
    const level = Number(node.attrs?.['level'] ?? 2);
    // The page's own title is h1; the policy's headings sit under it.
    return `h${Math.min(6, Math.max(2, level + 1))}`;
  }
  return BLOCKS[node.type] ?? 'div';
}

/** Marks as nested inline elements, outermost first; a link keeps only http(s) and mail targets. */
export function marksOf(run: TextRun): { tag: string; href?: string }[] {
  return (run.marks ?? []).flatMap((mark) => {
    if (mark.type === 'bold') return [{ tag: 'strong' }];
    if (mark.type === 'italic') return [{ tag: 'em' }];
    if (mark.type === 'underline') return [{ tag: 'u' }];
    if (mark.type === 'strike') return [{ tag: 's' }];
    if (mark.type === 'code') return [{ tag: 'code' }];
    if (mark.type === 'link') {
      const href = String(mark.attrs?.['href'] ?? '');
      return /^(https?:|mailto:|\/)/.test(href) ? [{ tag: 'a', href }] : [];
    }
    return [];
  });
}

/** A task item's box, shown ticked or not, never editable here. */
export function checkedOf(node: ElementNode): boolean | undefined {
  return node.type === 'taskItem' ? node.attrs?.['checked'] === true : undefined;
}
