/**
 * The parts of the people table that load after the list itself (the first bundle stays small): the status
 * and notices, the filter panel, the column menu, the empty state. One loader each, shared by the table and
 * by `preloadBrowserParts`, so a part asked for early is the same module the table shows.
 */
export const loadCollectionStatus = () => import('@/components/directory/CollectionStatus.vue')
export const loadEmptyResults = () => import('@/components/directory/EmptyResults.vue')
export const loadDirectoryFilters = () => import('@/components/directory/DirectoryFilters.vue')
export const loadColumnSettings = () => import('@/components/directory/ColumnSettings.vue')

/**
 * Fetches the parts the directory shows at once while the portal is still answering, so they are ready when
 * the first rows arrive instead of being fetched after them. The empty state stays lazy.
 */
export function preloadBrowserParts(): void {
  for (const load of [loadCollectionStatus, loadDirectoryFilters, loadColumnSettings]) {
    // a part that fails now is asked for again when shown, with the error boundary's Retry behind it
    load().catch(() => undefined)
  }
}
