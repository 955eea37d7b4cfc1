import theme from '#build/b24ui/skeleton'
import { tv } from '@bitrix24/b24ui-nuxt/utils/tv'

const skeleton = tv(theme)({ accent: 'default' })
const classes = new Map<string, string>()

/**
 * The classes the kit's B24Skeleton draws a placeholder with, for a placeholder of the given size and shape
 * (Tailwind classes such as "h-4 w-56" or "size-8 rounded-full", merged over the kit's own as B24Skeleton
 * merges its `class`). The loading screens draw a few dozen placeholders while the first requests are on
 * their way; as plain elements they cost a fraction of a B24Skeleton each, which builds its class functions
 * per instance and announces itself as an alert.
 */
export function skeletonClass(shape: string): string {
  let merged = classes.get(shape)
  if (merged === undefined) classes.set(shape, (merged = skeleton.base({ class: shape })))
  return merged
}
