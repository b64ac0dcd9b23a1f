import { POLICY_TEXT_FIELD, policyTextBytes, policyTextOf } from '@clinicdesk/shared/policies/policy-text.ts'; // prettier-ignore
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { policyExtensions } from './policy-extensions.ts';

/** Where the edits stand, as the editor says it under the text. */
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'failed';

/** Updates that came from the stored version (load, another tab, a sync): not this person's. */
const STORED = Symbol('stored');
const SAVE_AFTER_MS = 600;

/**
 * A policy text in Tiptap on a Y.Doc loaded from the version's stored update. Every change
 * made here is saved (debounced, and at once when the page goes away) as this Y.Doc's whole
 * state, which the save merges with what is stored, so nothing another device wrote is lost;
 * and every stored change (another tab, a sync) is applied to this Y.Doc as it lands, so two
 * people's edits meet in the editor too. Read-only, it only shows.
 */
export class PolicyTextEditor {
  readonly editor: Editor;
  readonly #doc = new Y.Doc();
  readonly #save: ((text: string) => Promise<boolean>) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every transaction, so toolbar states recompute. */
  revision = $state(0);
  saveState = $state<SaveState>('saved');

  constructor(
    element: HTMLElement,
    text: string,
    options: { editable: boolean; label: string; save?: (text: string) => Promise<boolean> },
  ) {
    Y.applyUpdate(this.#doc, policyTextBytes(text), STORED);
    this.#save = options.save;
    this.editor = new Editor({
      element,
      editable: options.editable,
      extensions: [
        ...policyExtensions(),
        Collaboration.configure({ document: this.#doc, field: POLICY_TEXT_FIELD }),
      ],
      editorProps: {
        attributes: {
          class: 'policy-text',
          'aria-label': options.label,
          ...(options.editable ? { 'aria-multiline': 'true', role: 'textbox' } : {}),
        },
      },
      onTransaction: () => this.revision++,
    });
    this.#doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== STORED && this.#save) this.#schedule();
    });
  }

  /** A stored state (another tab's or a sync's edits): merged into what is shown. */
  absorb(text: string): void {
    Y.applyUpdate(this.#doc, policyTextBytes(text), STORED);
  }

  #schedule(): void {
    this.saveState = 'unsaved';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), SAVE_AFTER_MS);
  }

  /** Saves now what is waiting (leaving the page, sending for review). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#save || this.saveState === 'saved') return;
    this.saveState = 'saving';
    const saved = await this.#save(policyTextOf(Y.encodeStateAsUpdate(this.#doc)));
    // An edit made while saving schedules another save.
    if (this.saveState === 'saving') this.saveState = saved ? 'saved' : 'failed';
  }

  /** Whether the text holds edits not saved yet. */
  get pending(): boolean {
    return this.saveState === 'unsaved' || this.saveState === 'saving';
  }

  destroy(): void {
    void this.flush();
    this.editor.destroy();
    this.#doc.destroy();
  }
}
