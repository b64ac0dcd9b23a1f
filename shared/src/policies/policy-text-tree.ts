import * as Y from 'yjs';

/**
 * A policy text as a ProseMirror document (the JSON Tiptap reads): element nodes with their
 * attributes and children, text runs with their marks. What a reader sees, without the edit
 * history the Yjs update also holds, so it is what is hashed, compared and printed.
 */
export type PolicyTextNode =
  | { type: string; attrs?: Record<string, unknown>; content?: PolicyTextNode[] }
  | { type: 'text'; text: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };

/**
 * The document a fragment holds. y-prosemirror stores a node as a `Y.XmlElement` named by its
 * type, and a mark as a text attribute named by its type whose value is the mark's attributes.
 * The caller owns the `Y.Doc` (made from the stored update), so this reads and never creates.
 */
export function policyTextTree(fragment: Y.XmlFragment): PolicyTextNode {
  return { type: 'doc', content: childrenOf(fragment) };
}

function childrenOf(parent: Y.XmlFragment | Y.XmlElement): PolicyTextNode[] {
  return parent.toArray().flatMap((child): PolicyTextNode[] => {
    if (child instanceof Y.XmlText) return runsOf(child);
    if (child instanceof Y.XmlElement) {
      const attrs = child.getAttributes() as Record<string, unknown>;
      const content = childrenOf(child);
      return [
        {
          type: child.nodeName,
          ...(Object.keys(attrs).length > 0 ? { attrs: sorted(attrs) } : {}),
          ...(content.length > 0 ? { content } : {}),
        },
      ];
    }
    return [];
  });
}

type Delta = { insert: unknown; attributes?: Record<string, unknown> };

function runsOf(text: Y.XmlText): PolicyTextNode[] {
  return (text.toDelta() as Delta[]).flatMap((run): PolicyTextNode[] => {
    if (typeof run.insert !== 'string' || run.insert === '') return [];
    const marks = Object.entries(run.attributes ?? {})
      .filter(([, value]) => value !== null && value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([type, value]) =>
        value && typeof value === 'object' && Object.keys(value).length > 0
          ? { type, attrs: sorted(value as Record<string, unknown>) }
          : { type },
      );
    return [{ type: 'text', text: run.insert, ...(marks.length > 0 ? { marks } : {}) }];
  });
}

function sorted(attrs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attrs)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** The words of a text, paragraphs on their own lines: for search and plain-text views. */
export function plainTextOf(node: PolicyTextNode): string {
  if ('text' in node) return node.text;
  const parts = (node.content ?? []).map(plainTextOf);
  const inline = (node.content ?? []).every((child) => 'text' in child);
  return parts.join(inline ? '' : '\n');
}
