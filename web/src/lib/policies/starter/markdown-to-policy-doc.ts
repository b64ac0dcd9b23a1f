import type { PolicyTextNode } from '@clinicdesk/shared/policies/policy-text-tree.ts';
import MarkdownIt from 'markdown-it';

/**
 * A starter policy's markdown as the editor's document (ProseMirror JSON in Tiptap's node names),
 * built from markdown-it's tokens by a fixed mapping, so that the same markdown gives the same
 * document on every device (and then the same Yjs update, `starterPolicyText`). The bodies use
 * headings, paragraphs, lists, task lists ("- [ ] …"), simple tables, bold and italic; links
 * are kept as links; anything else is read as its text.
 */
const markdown = new MarkdownIt('commonmark').enable('table');
type Token = ReturnType<typeof markdown.parse>[number];

type Node = Exclude<PolicyTextNode, { type: 'text' }>;
type Mark = { type: string; attrs?: Record<string, unknown> };

const BLOCKS: Record<string, (token: Token) => Node> = {
  heading_open: (token) => ({ type: 'heading', attrs: { level: Number(token.tag.slice(1)) } }),
  paragraph_open: () => ({ type: 'paragraph' }),
  bullet_list_open: () => ({ type: 'bulletList' }),
  ordered_list_open: (token) => ({
    type: 'orderedList',
    attrs: { start: Number(token.attrGet('start') ?? 1), type: null },
  }),
  list_item_open: () => ({ type: 'listItem' }),
  table_open: () => ({ type: 'table' }),
  tr_open: () => ({ type: 'tableRow' }),
  th_open: () => ({ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null } }),
  td_open: () => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null } }),
  blockquote_open: () => ({ type: 'blockquote' }),
};
/** Tokens that only group others: their children belong to the parent. */
const TRANSPARENT = new Set(['thead_open', 'thead_close', 'tbody_open', 'tbody_close']);
const TASK = /^\[( |x|X)\] /;

export function markdownToPolicyDoc(body: string): PolicyTextNode {
  const root: Node = { type: 'doc', content: [] };
  const stack: Node[] = [root];
  for (const token of markdown.parse(body, {})) {
    const top = stack[stack.length - 1] ?? root;
    if (TRANSPARENT.has(token.type)) continue;
    const open = BLOCKS[token.type];
    if (open) {
      const node = open(token);
      (top.content ??= []).push(node);
      stack.push(node);
    } else if (token.type.endsWith('_close')) {
      const closed = stack.pop();
      if (closed) tidy(closed);
    } else if (token.type === 'inline') {
      const runs = inlineRuns(token.children ?? []);
      if (runs.length > 0) (top.content ??= []).push(...runs);
    } else if (token.type === 'hr') {
      (top.content ??= []).push({ type: 'horizontalRule' });
    } else if (token.type === 'fence' || token.type === 'code_block') {
      const text = token.content.replace(/\n$/, '');
      (top.content ??= []).push({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }); // prettier-ignore
    }
  }
  return root;
}

/** A closed node made valid for the editor's schema: cells and items hold paragraphs; tasks. */
function tidy(node: Node): void {
  if (node.type === 'tableHeader' || node.type === 'tableCell') {
    // markdown-it puts a cell's runs straight inside it; the schema wants a paragraph.
    const runs = node.content ?? [];
    node.content = [{ type: 'paragraph', ...(runs.length > 0 ? { content: runs } : {}) }];
  }
  if (node.type === 'bulletList' && (node.content ?? []).every(isTask)) {
    node.type = 'taskList';
    for (const item of node.content ?? []) toTask(item as Node);
  }
  if (node.content && node.content.length === 0) delete node.content;
}

function firstText(item: PolicyTextNode): { type: 'text'; text: string } | undefined {
  if (!('content' in item)) return undefined;
  const paragraph = item.content?.[0];
  const run = paragraph && 'content' in paragraph ? paragraph.content?.[0] : undefined;
  return run && 'text' in run ? run : undefined;
}

const isTask = (item: PolicyTextNode) => TASK.test(firstText(item)?.text ?? '');

function toTask(item: Node): void {
  const run = firstText(item);
  const checked = run ? run.text[1] !== ' ' : false;
  if (run) run.text = run.text.slice(4);
  item.type = 'taskItem';
  item.attrs = { checked };
  const paragraph = item.content?.[0];
  if (run && run.text === '' && paragraph && 'content' in paragraph)
    paragraph.content = paragraph.content?.slice(1);
}

function inlineRuns(tokens: Token[]): PolicyTextNode[] {
  const runs: PolicyTextNode[] = [];
  const marks: Mark[] = [];
  const push = (text: string) => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    const same = last && 'text' in last && JSON.stringify(last.marks ?? []) === JSON.stringify(marks); // prettier-ignore
    if (same && 'text' in last) last.text += text;
    else runs.push({ type: 'text', text, ...(marks.length > 0 ? { marks: marks.map((m) => ({ ...m })) } : {}) }); // prettier-ignore
  };
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') push(token.content);
    else if (token.type === 'softbreak') push(' ');
    else if (token.type === 'hardbreak') runs.push({ type: 'hardBreak' });
    else if (token.type === 'strong_open') marks.push({ type: 'bold' });
    else if (token.type === 'em_open') marks.push({ type: 'italic' });
    else if (token.type === 'link_open') marks.push(linkMark(String(token.attrGet('href') ?? '')));
    else if (token.type.endsWith('_close')) {
      const type = { strong_close: 'bold', em_close: 'italic', link_close: 'link' }[token.type];
      const at = marks.findLastIndex((mark) => mark.type === type);
      if (at >= 0) marks.splice(at, 1);
    }
  }
  return runs;
}

/** Tiptap's Link mark with its default attributes, as the editor would write them. */
export function linkMark(href: string): Mark {
  return {
    type: 'link',
    attrs: {
      href,
      target: '_blank',
      rel: 'noopener noreferrer nofollow',
      class: null,
      title: null,
    },
  };
}
