import { acceptHMRUpdate } from 'pinia'
import { DIRECTORY_COLUMNS } from '@/domain/people/columns'
import { directoryQuery } from '@/bitrix24/people-batch'
import { definePeopleCollection } from './people-collection'

/** Everyone's directory: the active people the viewer may see, never ADMIN_MODE, kept on the device between visits. */
export const useDirectoryStore = definePeopleCollection('directory', {
  allowed: () => true,
  query: (session) => directoryQuery(session.access),
  cacheView: 'directory',
  columns: DIRECTORY_COLUMNS,
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDirectoryStore, import.meta.hot))
