import { fail, ok, type Result } from '../../result.ts';

/**
 * The front matter of a starter policy file: `key: value` lines and `key:` lists of `  - item`
 * lines between two `---` lines. A small subset of YAML (Prettier formats it as YAML and leaves
 * it in this shape), read here so that `shared/` needs no YAML library.
 */
export type FrontMatter = {
  fields: ReadonlyMap<string, string | readonly string[]>;
  body: string;
};

const FIELD = /^([A-Za-z][A-Za-z0-9]*):(?: (.*))?$/;
const ITEM = /^ {2}- (.+)$/;

/** A scalar may be quoted when it holds a colon or starts with a special character. */
const unquote = (value: string) => {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted ? (quoted[2] ?? '') : trimmed;
};

export function parseFrontMatter(text: string): Result<FrontMatter> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== '---')
    return fail({ code: 'front-matter-missing', message: 'The file must start with a --- line' });
  const end = lines.indexOf('---', 1);
  if (end < 0)
    return fail({ code: 'front-matter-missing', message: 'The front matter has no closing ---' });

  const fields = new Map<string, string | string[]>();
  let list: string[] | null = null;
  for (const [i, line] of lines.slice(1, end).entries()) {
    const item = ITEM.exec(line);
    if (item && list) {
      list.push(unquote(item[1] ?? ''));
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) {
      const message = `Line ${i + 2} is neither "key: value" nor a list item: ${line}`;
      return fail({ code: 'front-matter-line', message });
    }
    const [, key = '', value] = field;
    if (fields.has(key))
      return fail({ code: 'front-matter-line', message: `${key} is given twice` });
    list = value === undefined || value.trim() === '' ? [] : null;
    fields.set(key, list ?? unquote(value ?? ''));
  }
  return ok({
    fields,
    body: lines
      .slice(end + 1)
      .join('\n')
      .trim(),
  });
}
