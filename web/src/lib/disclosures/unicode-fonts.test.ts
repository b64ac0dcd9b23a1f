import { describe, expect, it } from 'vitest';
import { notoSans } from './fixtures/noto-sans.ts';
import { UNICODE_FONT_URLS, loadUnicodeFonts } from './unicode-fonts.ts';

describe('loadUnicodeFonts', () => {
  it('reads Noto Sans Regular and Bold from the app’s own files, once, and makes PDFs in Helvetica when it cannot', async () => {
    expect(UNICODE_FONT_URLS.regular).toMatch(/NotoSans_400Regular\.ttf$/);
    expect(UNICODE_FONT_URLS.bold).toMatch(/NotoSans_700Bold\.ttf$/);

    const offline = () => Promise.reject(new Error('not precached yet'));
    expect(await loadUnicodeFonts(offline)).toBeUndefined();

    const files = notoSans();
    const asked: string[] = [];
    const read = (url: string) => {
      asked.push(url);
      return Promise.resolve(url === UNICODE_FONT_URLS.bold ? files.bold : files.regular);
    };
    const loaded = await loadUnicodeFonts(read);
    expect(loaded?.regular).toBe(files.regular);
    expect(loaded?.bold).toBe(files.bold);
    expect(await loadUnicodeFonts(read)).toBe(loaded);
    expect(asked).toEqual([UNICODE_FONT_URLS.regular, UNICODE_FONT_URLS.bold]);
  });
});
