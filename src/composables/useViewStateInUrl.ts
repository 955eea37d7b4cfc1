import { watchDebounced } from '@vueuse/core'
import { useRoute, useRouter } from 'vue-router'
import { storeToRefs } from 'pinia'
import { parseViewState, serializeViewState, type UrlQuery } from '@/domain/view/view-state'
import type { PeopleCollection } from '@/stores/people-collection'
import type { ColumnKey } from '@/domain/people/columns'

/**
 * Keeps the directory's view (search, facets, sort, columns) in the URL, so a reload or a shared link shows
 * the same thing. The URL is read once on arrival (it wins over the remembered column layout); afterwards
 * the view writes it. A bad piece of the URL is
 * dropped on its own by parseViewState.
 */
export function useViewStateInUrl(collection: PeopleCollection, rememberedColumns: () => ColumnKey[]) {
  const route = useRoute()
  const router = useRouter()
  const { query, facets, sort, columns } = storeToRefs(collection)

  const initial = parseViewState(route.query as UrlQuery)
  query.value = initial.query
  facets.value = initial.facets
  sort.value = initial.sort
  columns.value = initial.columns ?? rememberedColumns()

  // Written a moment after typing stops: updating the URL on every keystroke would slow the typing down.
  watchDebounced(
    [query, facets, sort, columns],
    () => {
      const next = serializeViewState({
        query: query.value,
        facets: facets.value,
        sort: sort.value,
        columns: columns.value.join() === collection.defaultColumns.join() ? null : columns.value,
      })
      // other parts of the URL (the open person card) stay as they are
      const { person } = route.query
      void router.replace({ query: person ? { ...next, person } : next })
    },
    { deep: true, debounce: 300, maxWait: 1500 },
  )
}
