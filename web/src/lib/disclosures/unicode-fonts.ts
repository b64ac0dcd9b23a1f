import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import type { UnicodeFontBytes } from './pdf-layout.ts';

/**
 * Noto Sans for the PDFs the device writes (see pdf-layout.ts), read from the app's own files:
 * Vite emits the two TTFs (≈630 KB each) as hashed assets that the service worker precaches,
 * so a release package made with the network down still prints "Łukasik". Read once a session,
 * and only when a PDF is first made, not on the app's first screen. When they cannot be read,
 * the PDF is still made, in Helvetica, and says which characters it replaced.
 */
export const UNICODE_FONT_URLS = { regular: regularUrl, bold: boldUrl } as const;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let loading: Promise<UnicodeFontBytes | undefined> | undefined;

export function loadUnicodeFonts(
  read: (url: string) => Promise<Uint8Array> = fetchBytes,
): Promise<UnicodeFontBytes | undefined> {
  loading ??= Promise.all([read(regularUrl), read(boldUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    () => {
      // Not kept: the next PDF tries again (the worker may have finished precaching by then).
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}
