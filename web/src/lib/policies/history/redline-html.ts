import { escapeHtml } from '../print/policy-html.ts';
import type { BlockChange, Redline, RedlineBlock, Segment } from './policy-redline.ts';

/**
 * A redline as HTML, marked in words as well as colour (WCAG 1.4.1): added words are `<ins>`
 * (underlined), removed ones `<del>` (struck through), each opened by a hidden "added:" or
 * "removed:" for a screen reader, which announces neither element; a block added, removed or
 * changed carries a visible label saying so. Every word is escaped, so it may be set with
 * `{@html}`.
 */
const LABELS: Record<Exclude<BlockChange, 'same'>, string> = {
  inserted: 'Added',
  deleted: 'Removed',
  changed: 'Changed',
};

function segments(parts: readonly Segment[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      if (part.change === 'inserted')
        return `<ins><span class="visually-hidden">[added: </span>${text}<span class="visually-hidden">]</span></ins>`;
      if (part.change === 'deleted')
        return `<del><span class="visually-hidden">[removed: </span>${text}<span class="visually-hidden">]</span></del>`;
      return text;
    })
    .join('');
}

function label(change: BlockChange): string {
  return change === 'same' ? '' : `<span class="rl-label">${LABELS[change]}</span>`;
}

function block(item: RedlineBlock): string {
  const cls = `rl-block rl-${item.change}`;
  switch (item.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(3, item.level + 2));
      return `<div class="${cls}">${label(item.change)}<h${level}>${segments(item.segments)}</h${level}></div>`;
    }
    case 'paragraph': {
      const marker = item.marker ? `<span class="rl-marker">${segments(item.marker)}</span> ` : '';
      const indent = Math.max(0, item.depth - 1);
      return `<div class="${cls}" style="--depth: ${indent}">${label(item.change)}<p>${marker}${segments(item.segments)}</p></div>`;
    }
    case 'table': {
      const rows = item.rows
        .map((row) => {
          const tag = row.header ? 'th' : 'td';
          const scope = row.header ? ' scope="col"' : '';
          const cells = row.cells.map((cell) => `<${tag}${scope}>${segments(cell)}</${tag}>`);
          const mark =
            row.change === 'same'
              ? '<td class="rl-row-mark"></td>'
              : `<td class="rl-row-mark">${LABELS[row.change]}</td>`;
          return `<tr class="rl-row-${row.change}">${mark}${cells.join('')}</tr>`;
        })
        .join('');
      return `<div class="${cls}">${label(item.change)}<div class="table-scroll"><table><tbody>${rows}</tbody></table></div></div>`;
    }
    case 'rule':
      return `<div class="${cls}">${label(item.change)}<hr></div>`;
  }
}

export function redlineHtml(redline: Redline): string {
  return redline.blocks.map(block).join('');
}

/** "12 words added, 3 removed, in 4 places" — or that the texts read the same. */
export function redlineSummary(redline: Redline): string {
  if (redline.blocksChanged === 0) return 'The two versions read the same.';
  const words = (count: number) => `${count} word${count === 1 ? '' : 's'}`;
  const places = `${redline.blocksChanged} place${redline.blocksChanged === 1 ? '' : 's'}`;
  return `${words(redline.wordsInserted)} added and ${words(redline.wordsDeleted)} removed, in ${places}.`;
}
