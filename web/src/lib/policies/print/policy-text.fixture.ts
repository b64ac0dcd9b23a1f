import * as Y from 'yjs';
import { POLICY_TEXT_FIELD, policyTextOf } from '@clinicdesk/shared/policies/policy-text.ts';

/**
 * Synthetic policy texts for tests, built as Tiptap's Collaboration stores them: a node is a
 * `Y.XmlElement` named by its type, a mark a text attribute named by its type.
 */
export type Spec =
  | string
  | { text: string; marks?: Record<string, object> }
  | { node: string; attrs?: Record<string, string | number | boolean>; content?: Spec[] };

export const p = (...content: Spec[]): Spec => ({ node: 'paragraph', content });
export const h = (level: number, text: string): Spec => ({
  node: 'heading',
  attrs: { level },
  content: [text],
});
export const li = (...content: Spec[]): Spec => ({ node: 'listItem', content });
export const ul = (...items: Spec[]): Spec => ({ node: 'bulletList', content: items });
export const ol = (...items: Spec[]): Spec => ({ node: 'orderedList', content: items });

function build(parent: Y.XmlFragment | Y.XmlElement, specs: Spec[]): void {
  const children = specs.map((spec): Y.XmlElement | Y.XmlText => {
    if (typeof spec === 'string' || 'text' in spec) {
      const text = new Y.XmlText();
      return text;
    }
    return new Y.XmlElement(spec.node);
  });
  parent.insert(0, children);
  specs.forEach((spec, index) => {
    const child = children[index]!;
    if (child instanceof Y.XmlText) {
      const run =
        typeof spec === 'string'
          ? { text: spec }
          : (spec as { text: string; marks?: Record<string, object> });
      child.insert(0, run.text, run.marks ?? {});
    } else if (typeof spec === 'object' && 'node' in spec) {
      for (const [name, value] of Object.entries(spec.attrs ?? {}))
        child.setAttribute(name, value as unknown as string);
      build(child, spec.content ?? []);
    }
  });
}

/** The stored text (base64 Yjs update) of a document with these blocks. */
export function policyTextFrom(...blocks: Spec[]): string {
  const doc = new Y.Doc();
  build(doc.getXmlFragment(POLICY_TEXT_FIELD), blocks);
  return policyTextOf(Y.encodeStateAsUpdate(doc));
}
