/**
 * Saves a file the app built in the browser. A temporary <a download> saves it from inside the portal's
 * iframe without opening a tab or navigating away from the app.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  // Firefox only follows a click on a link that is in the document
  document.body.append(link)
  link.click()
  link.remove()
  // revoking at once can cancel the download in some browsers; a second later the file is already saving
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
