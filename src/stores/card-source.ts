import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { PeopleCollection } from './people-collection'

/**
 * Which collection the person card reads while a view is shown: the admin views' list of everyone, or the
 * directory (null). A store of its own, so a table says so without bringing the card's store (its look-ups,
 * teams and vCards) into the first bundle: the card loads with the first card opened.
 */
export const useCardSourceStore = defineStore('card-source', () => {
  const shownFrom = shallowRef<PeopleCollection | null>(null)
  /** Cards opened from now on read this collection (null: the directory). */
  function readFrom(collection: PeopleCollection | null) {
    shownFrom.value = collection
  }
  return { collection: computed(() => shownFrom.value), readFrom }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCardSourceStore, import.meta.hot))
