import { POLICY_TEXT_FIELD, policyTextOf } from '@clinicdesk/shared/policies/policy-text.ts';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { policyExtensions } from '../editor/policy-extensions.ts';
import { markdownToPolicyDoc } from './markdown-to-policy-doc.ts';

/**
 * The Yjs client id every device writes a starter text under. Yjs names each insertion by its
 * client id and clock: with one fixed id and the same operations, two devices that adopt the
 * starter manual apart write byte-identical updates, which merge into one text, not two copies.
 * Later edits come from each editor's own random id, so they never collide with these.
 */
export const STARTER_TEXT_CLIENT_ID = 1;

/** A starter policy's markdown body as a version's text (a base64 Yjs update). */
export function starterPolicyText(body: string): string {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = STARTER_TEXT_CLIENT_ID;
  const json = markdownToPolicyDoc(body);
  prosemirrorJSONToYXmlFragment(getSchema(policyExtensions()), json, doc.getXmlFragment(POLICY_TEXT_FIELD)); // prettier-ignore
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return policyTextOf(update);
}
