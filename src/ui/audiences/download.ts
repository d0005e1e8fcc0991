/**
 * Offers a text file to the browser. Works inside the app's iframe like on any page: the file is
 * made locally, nothing goes through Zendesk.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // The byte-order mark lets spreadsheet programs read UTF-8 accents correctly.
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
