/** Lower case, accents removed, punctuation to spaces: "O'Brien-Núñez" → "o brien nunez". */
export function foldName(text: string): string {
  // Most names are plain ASCII letters: skip Unicode normalisation (search folds 100,000 of them).
  if (/^[A-Za-z]+( [A-Za-z]+)*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
