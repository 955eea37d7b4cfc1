/*
 * The first Intl.Collator and the first Intl.NumberFormat a page makes load the browser's locale data: 10–15 ms
 * each on a 2-core machine, in whatever language, and the directory needs both before its first row (the order
 * of names, the count). index.html loads this file apart from the app, so it runs while the app's bundle is
 * still downloading, when the page has nothing else to do; the app's own collator and number format, in the
 * portal's language, then take well under a millisecond.
 */
try {
  new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare('a', 'b')
  new Intl.NumberFormat().format(1)
} catch {
  // nothing to warm: the app's own use of Intl fails as it would anyway
}
