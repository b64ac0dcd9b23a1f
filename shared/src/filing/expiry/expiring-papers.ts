import {
  daysToExpiry,
  type ExpiringLike,
  isNoticeField,
  type PaperName,
  reminderWindow,
  remindsNow,
} from './paper-reminders.ts';

/** What of a filed document the reminders read. */
export interface PaperLike extends ExpiringLike {
  id: string;
  title: string;
  documentTypeId?: string | undefined;
  correspondentId?: string | undefined;
  fields?: Readonly<Record<string, unknown>> | undefined;
}

/** The practice's names for types, correspondents and each type's custom fields. */
export interface PaperLookups {
  typeName(typeId: string): string | undefined;
  correspondentName(correspondentId: string): string | undefined;
  fieldsOf(typeId: string): readonly { id: string; name: string }[];
}

export interface ExpiringPaper<D extends PaperLike> {
  document: D;
  /** Days from today to its expiry: negative once it has expired. */
  days: number;
  /** Days before expiry it is named on the home screen (its type's notice field, or 30). */
  window: number;
  /** Named on the home screen now. */
  reminds: boolean;
  name: PaperName;
}

/** A value of the type's field named so, where the practice keeps one and it is filled in. */
function fieldValue(
  document: PaperLike,
  lookups: PaperLookups,
  isIt: (name: string) => boolean,
): unknown {
  if (!document.documentTypeId || !document.fields) return undefined;
  const field = lookups.fieldsOf(document.documentTypeId).find((f) => isIt(f.name));
  return field ? document.fields[field.id] : undefined;
}

const isCounterparty = (name: string) => name.trim().toLocaleLowerCase() === 'counterparty';

/**
 * Every paper with an expiry date, not in the trash, judged on `today` (the device's calendar
 * day): how far off its expiry is, its reminder window and whether it is named now; soonest
 * (or longest expired) first, ties by title.
 */
export function expiringPapers<D extends PaperLike>(
  documents: readonly D[],
  lookups: PaperLookups,
  today: string,
): ExpiringPaper<D>[] {
  return documents
    .flatMap((document) => {
      const days = daysToExpiry(document, today);
      if (days === null) return [];
      const window = reminderWindow(fieldValue(document, lookups, isNoticeField));
      const typeName = document.documentTypeId
        ? lookups.typeName(document.documentTypeId)
        : undefined;
      const counterparty = fieldValue(document, lookups, isCounterparty);
      const withWhom =
        (document.correspondentId && lookups.correspondentName(document.correspondentId)) ||
        (typeof counterparty === 'string' && counterparty.trim() !== ''
          ? counterparty.trim()
          : undefined);
      const name: PaperName = { title: document.title, typeName, withWhom };
      return [{ document, days, window, reminds: remindsNow(days, window), name }];
    })
    .sort((a, b) => a.days - b.days || a.document.title.localeCompare(b.document.title));
}
