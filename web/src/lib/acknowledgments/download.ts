/** Hands text to the browser as a file to save (a report's CSV). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; it is no longer needed once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
