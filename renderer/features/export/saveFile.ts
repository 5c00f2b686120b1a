/**
 * Saves a file the store made. Browser mode: a download to the downloads folder. (The desktop
 * app will ask where, with the main process's save dialog; until then it downloads too.)
 */
export function saveFile(file: { name: string; mime: string; bytes: Uint8Array | string }): void {
  const blob = new Blob([file.bytes as BlobPart], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
