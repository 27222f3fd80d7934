/**
 * Saves a CSV the hub sent as a file the browser downloads. The text keeps its byte-order mark
 * (the hub client decodes with ignoreBOM), so Excel reads the accents right.
 */
export function saveCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download may still be reading the blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
