import { nowIso } from '../clock.ts';
import type { LocalDatabase } from '../db/local-db.ts';

const SAVE_AFTER_MS = 250;

/**
 * Keeps a form's typed values in the local database as they are typed, so that a reload, a
 * crash or a dead battery in the middle of a registration or an edit loses nothing. The draft is
 * removed once the record is saved or the person discards it. An edit's draft also keeps the
 * record as it was when editing began (`base`), so that saving later still merges only what this
 * person changed over whatever synced meanwhile.
 */
export class FormDraft<B = undefined> {
  /** When a draft was brought back on opening the form (ISO), for the notice. */
  restoredFrom = $state<string | null>(null);
  /** When the typed values were last stored (ISO); null when nothing is kept. */
  keptAt = $state<string | null>(null);
  private readonly local: LocalDatabase;
  private readonly key: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(local: LocalDatabase, key: string) {
    this.local = local;
    this.key = key;
  }

  /** The saved draft's fields over `empty` (and its base), or null when there is none. */
  async restore(
    empty: Record<string, string>,
  ): Promise<{ fields: Record<string, string>; base: B } | null> {
    const draft = await this.local.drafts.get(this.key);
    if (!draft) return null;
    this.restoredFrom = draft.savedAt;
    const fields = { ...empty };
    // Rows added while typing (a second contact, say) have keys the empty form does not.
    for (const [field, value] of Object.entries(draft.fields))
      if (typeof value === 'string') fields[field] = value;
    return { fields, base: draft.base as B };
  }

  /**
   * Saves shortly after the last keystroke. An all-empty form, or one still as it was opened
   * (`unchanged`), leaves no draft behind.
   */
  keep(fields: Record<string, string>, base?: B, unchanged = false): void {
    clearTimeout(this.timer);
    const snapshot = { ...fields };
    this.timer = setTimeout(() => {
      const empty = unchanged || Object.values(snapshot).every((value) => !value.trim());
      this.pending = this.pending.then(async () => {
        if (empty) {
          await this.local.drafts.delete(this.key);
          this.keptAt = null;
        } else {
          const savedAt = nowIso();
          await this.local.drafts.put({ key: this.key, fields: snapshot, base, savedAt });
          this.keptAt = savedAt;
        }
      });
    }, SAVE_AFTER_MS);
  }

  /** After the record is saved, or when the person starts over. */
  async discard(): Promise<void> {
    clearTimeout(this.timer);
    this.restoredFrom = null;
    this.keptAt = null;
    await this.pending;
    await this.local.drafts.delete(this.key);
  }
}
