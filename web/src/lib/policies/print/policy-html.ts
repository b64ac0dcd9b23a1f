import type { PolicyTextNode } from '@clinicdesk/shared/policies/policy-text-tree.ts';

/**
 * A policy text as HTML for reading on a screen (the binder, a version, a printout's preview).
 * Every word is escaped and only the nodes and marks the editor makes are written, so the HTML
 * may be set with `{@html}`; a link keeps only an address the app may open (http, https, mailto,
 * tel, or a path in ClinicDesk such as a filed document's).
 */
export function policyHtml(tree: PolicyTextNode, { headingOffset = 1 } = {}): string {
  return render(tree, headingOffset);
}

type Mark = { type: string; attrs?: Record<string, unknown> };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const SAFE_HREF = /^(https?:\/\/|mailto:|tel:|\/(?!\/))/i;

export function safeHref(value: unknown): string | undefined {
  return typeof value === 'string' && SAFE_HREF.test(value.trim()) ? value.trim() : undefined;
}

const MARK_TAGS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strike: 's',
  code: 'code',
  highlight: 'mark',
};

function marked(text: string, marks: readonly Mark[]): string {
  let html = escapeHtml(text);
  for (const mark of marks) {
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.['href']);
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
      continue;
    }
    const tag = MARK_TAGS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function render(node: PolicyTextNode, offset: number): string {
  if ('text' in node && node.type === 'text') return marked(node.text, node.marks ?? []);
  const element = node as Exclude<PolicyTextNode, { type: 'text' }>;
  const inner = () => (element.content ?? []).map((child) => render(child, offset)).join('');
  const attrs = element.attrs ?? {};
  switch (element.type) {
    case 'doc':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = typeof attrs['level'] === 'number' ? attrs['level'] : 1;
      const tag = `h${Math.min(6, Math.max(1, level + offset))}`;
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = typeof attrs['start'] === 'number' && attrs['start'] !== 1 ? attrs['start'] : 0;
      return start ? `<ol start="${start}">${inner()}</ol>` : `<ol>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'taskList':
      return `<ul class="task-list">${inner()}</ul>`;
    case 'taskItem': {
      const done = attrs['checked'] === true;
      const box = `<span class="task-box" role="img" aria-label="${done ? 'Done' : 'To do'}">${done ? '☑' : '☐'}</span>`;
      return `<li class="task-item${done ? ' done' : ''}">${box}<div>${inner()}</div></li>`;
    }
    case 'table':
      return `<div class="table-scroll"><table><tbody>${inner()}</tbody></table></div>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
      return `<th scope="col">${inner()}</th>`;
    case 'tableCell':
      return `<td>${inner()}</td>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'codeBlock':
      return `<pre>${inner()}</pre>`;
    case 'hardBreak':
      return '<br>';
    case 'horizontalRule':
      return '<hr>';
    default:
      // A node this renderer does not know (a later editor's): its words still show.
      return inner();
  }
}
