import { computed, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import { useViewLinkStore } from '@/stores/view-link'

/**
 * True once the view the app's page opens on is in the URL, so a view that reads the URL once reads that one:
 * the list the app opened itself on in a slider (openApplication), the view a followed portal link carries, or
 * the one a reload of the portal page left (stores/view-link.ts decides, once per page).
 */
export function useOpeningView(): Readonly<Ref<boolean>> {
  const links = useViewLinkStore()
  links.open(useRouter())
  return computed(() => links.settled)
}
