import type { Extensions } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/**
 * The nodes and marks a policy text is made of, the same for the editor, the read-only view and
 * the starter manual's import (a text written with one must read the same in the others).
 * Undo is Yjs's (the Collaboration extension), not ProseMirror's history; no trailing paragraph
 * is added on opening, since that would be an edit nobody made (and would void approvals).
 */
export function policyExtensions(): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      code: false,
      codeBlock: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
