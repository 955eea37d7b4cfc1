import { onMounted, ref, type Ref } from 'vue'

/**
 * False for a component's first render, true a task after it mounted. A view puts behind it the parts its
 * first rows do not need (the app header, the search and column toolbar) and draws a placeholder of the same
 * size meanwhile: a cold open's first render runs while the portal's first answers arrive, and they are
 * handled only once that task ends. What the first render leaves out brings the first rows forward (0.15 s
 * from the init data to the first row on the directory's cold open, `npm run bench`'s reference part).
 */
export function useRenderedLater(): Readonly<Ref<boolean>> {
  const rendered = ref(false)
  onMounted(() => setTimeout(() => (rendered.value = true), 0))
  return rendered
}
