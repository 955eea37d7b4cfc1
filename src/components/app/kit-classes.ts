import buttonTheme from '#build/b24ui/button'
import skeletonTheme from '#build/b24ui/skeleton'
import { tv } from '@bitrix24/b24ui-nuxt/utils/tv'

/*
 * The classes the UI kit draws some of its components with, worked out once from the kit's own themes, for
 * plain elements that must look like those components where there are many of them on screen at once. A kit
 * component builds its class functions anew per instance; a plain element with these classes looks the same
 * for a fraction of the cost. vite.config.ts names these components for the kit's styles
 * (componentDetection), since no template uses them by tag for these elements.
 */

const button = tv(buttonTheme)({
  color: 'air-tertiary',
  size: 'sm',
  noSplit: false,
  loading: false,
  useLabel: false,
  block: false,
  normalCase: true,
  rounded: false,
  useDropdown: false,
  useWait: false,
  useClock: false,
  leading: true,
  isAir: true,
})

/**
 * A small, icon-only "air-tertiary" B24Button: every row on screen has up to three (Message, Call, E-mail),
 * redrawn on each keystroke.
 */
export const ROW_ACTION_CLASSES = {
  base: button.base({ active: false }),
  line: button.baseLine(),
  icon: button.leadingIcon(),
}

const skeleton = tv(skeletonTheme)({ accent: 'default' })
const skeletonClasses = new Map<string, string>()

/**
 * A B24Skeleton of the given size and shape (Tailwind classes such as "h-4 w-56" or "size-8 rounded-full",
 * merged over the kit's own as B24Skeleton merges its `class`). The loading screens draw a few dozen
 * placeholders while the first requests are on their way; a B24Skeleton also announces itself as an alert.
 */
export function skeletonClass(shape: string): string {
  let merged = skeletonClasses.get(shape)
  if (merged === undefined) skeletonClasses.set(shape, (merged = skeleton.base({ class: shape })))
  return merged
}
