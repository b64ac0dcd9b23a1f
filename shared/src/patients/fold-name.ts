/** Lower case, accents removed, punctuation to spaces: "O'Brien-Núñez" → "o brien nunez". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
