/**
 * The one rule every string crossing a trust boundary meets (a request body, a query, a pushed
 * document, a form): text is stored exactly as it arrived, so it has to be text that every store,
 * every hash and every screen reads the same way.
 *
 * - A lone UTF-16 surrogate is not a character: UTF-8 cannot hold it, so the stores write U+FFFD
 *   in its place and a hash over the text as received no longer matches what is stored.
 * - NUL and the other control characters (all but tab, line feed and carriage return) have no
 *   meaning in a clinic's records; PostgreSQL cannot even store NUL in text.
 * - Bidirectional embeddings, overrides and isolates make text read differently from what it
 *   holds (`Austin‮gnp.exe` shows as "Austinexe.png").
 * - Text in another Unicode normal form than NFC looks the same but compares, searches and
 *   hashes differently ("é" typed as e + accent). A stored record holds NFC only (forms
 *   normalise; a pushed document in another form is refused, not altered). Other requests may
 *   send it (`decomposed: 'allowed'`): the server normalises what it stores or compares (a
 *   display name, a filter) and a password is hashed in NFC, so a keyboard that types accents
 *   as combining marks can still sign in.
 */
export type TextFault = 'lone-surrogate' | 'control-character' | 'bidi-override' | 'not-nfc';

export const TEXT_FAULT_MESSAGES: Record<TextFault, string> = {
  'lone-surrogate': 'holds a broken character (a lone UTF-16 surrogate)',
  'control-character': 'holds a control character such as NUL',
  'bidi-override': 'holds a hidden character that changes the direction of the text',
  'not-nfc': 'is not in Unicode normal form C',
};

// Tab, LF and CR are the only control characters with a meaning in text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;

export type TextRuleOptions = {
  /** Text in another normal form than NFC: refused (stored records) or allowed (see above). */
  decomposed?: 'refused' | 'allowed';
};

/** Why `text` may not be stored, or null when it may. */
export function textFault(text: string, options: TextRuleOptions = {}): TextFault | null {
  if (!text.isWellFormed()) return 'lone-surrogate';
  if (CONTROL.test(text)) return 'control-character';
  if (BIDI_OVERRIDE.test(text)) return 'bidi-override';
  if (options.decomposed !== 'allowed' && text.normalize('NFC') !== text) return 'not-nfc';
  return null;
}

/**
 * Keys that JavaScript gives a meaning of its own: `JSON.parse` keeps `__proto__` as a plain
 * key, but the first object spread or schema copy turns it into the prototype (or drops it), so
 * a value holding one would be stored other than it was sent.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export type JsonTextFault = {
  /** Dotted path of the string or key, e.g. `address.city` or `emergencyContacts`. */
  path: string;
  fault: TextFault | 'reserved-key';
  message: string;
};

/**
 * The first string or key in a parsed JSON value that may not be stored (iterative, so a deep
 * value cannot exhaust the stack); null when every one may. Messages name the place, never the
 * text itself.
 */
export function jsonTextFault(value: unknown, options: TextRuleOptions = {}): JsonTextFault | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      const fault = textFault(item, options);
      if (fault) return found(path, fault, `The text ${where(path)}${TEXT_FAULT_MESSAGES[fault]}`);
    } else if (Array.isArray(item)) {
      item.forEach((child, n) => stack.push([child, join(path, String(n))]));
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (RESERVED_KEYS.has(key))
          return found(path, 'reserved-key', `The key "${key}" ${where(path)}is reserved`);
        const fault = textFault(key, options);
        if (fault) return found(path, fault, `A key ${where(path)}${TEXT_FAULT_MESSAGES[fault]}`);
        stack.push([child, join(path, key)]);
      }
    }
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const where = (path: string) => (path ? `at ${path} ` : '');
const found = (path: string, fault: JsonTextFault['fault'], message: string): JsonTextFault => ({
  path,
  fault,
  message,
});
