import { createStore, get, set, type UseStore } from 'idb-keyval'
import type { Person } from '@/domain/person'
import type { Department } from '@/domain/departments'

/** A loaded directory as kept between visits. */
export interface CachedDirectory {
  savedAt: number
  people: Person[]
  departments: Department[]
}

export interface CacheScope {
  /** the portal (MEMBER_ID) */
  memberId: string
  /** who loaded it: one viewer never reads another viewer's copy */
  viewerId: number
  /** the scopes it was loaded with: more scopes may mean more fields */
  scopes: readonly string[] | null
  /** 'directory' for everyone's view; admin views keep their own */
  view: string
}

export interface DirectoryCache {
  read(scope: CacheScope): Promise<CachedDirectory | undefined>
  write(scope: CacheScope, value: CachedDirectory): Promise<void>
}

export function cacheKey({ memberId, viewerId, scopes, view }: CacheScope): string {
  const scopeKey = scopes ? [...scopes].sort().join(',') : '?'
  return ['v1', memberId, String(viewerId), scopeKey, view].join('|')
}

/**
 * The directory in IndexedDB, one entry per portal, viewer, scopes and view. Storage can be unavailable
 * (private windows, blocked third-party storage in the portal iframe, full disk): the app then just loads
 * from Bitrix24 each time, so every failure here is swallowed.
 */
export function createIndexedDbCache(): DirectoryCache {
  let store: UseStore | null = null
  const open = () => (store ??= createStore('people-directory', 'directory'))
  return {
    async read(scope) {
      try {
        const value = await get<CachedDirectory>(cacheKey(scope), open())
        const whole = value && Array.isArray(value.people) && Array.isArray(value.departments)
        return whole && typeof value.savedAt === 'number' ? value : undefined
      } catch {
        return undefined
      }
    },
    async write(scope, value) {
      try {
        await set(cacheKey(scope), value, open())
      } catch {
        // no cache this time
      }
    },
  }
}
