import { readonly, shallowRef, watch } from 'vue'
import { useMutationObserver, usePreferredDark } from '@vueuse/core'

/** Colours a chart draws with, taken from the UI kit's design tokens of the current light or dark mode. */
export interface ChartTheme {
  text: string
  mutedText: string
  grid: string
  /** the plain bar colour */
  primary: string
  success: string
  warning: string
  alert: string
  /** for what is gone or not counted, e.g. dismissed people */
  neutral: string
  /** behind the chart, for borders between slices */
  background: string
}

// the light-mode values, for when the kit's stylesheet is not there (e.g. in unit tests)
const TOKENS: Record<keyof ChartTheme, [variable: string, fallback: string]> = {
  text: ['--ui-color-design-plain-content', '#333333'],
  mutedText: ['--app-text-muted', '#525c69'],
  grid: ['--ui-color-divider-accent', '#e2e2e2'],
  primary: ['--ui-color-accent-main-primary', '#0075ff'],
  success: ['--ui-color-accent-main-success', '#1bce7b'],
  warning: ['--ui-color-accent-main-warning', '#faa72c'],
  alert: ['--ui-color-accent-main-alert', '#ff5752'],
  neutral: ['--ui-color-design-filled-na-bg', '#a8adb4'],
  background: ['--ui-color-bg-content-primary', '#ffffff'],
}

function readTheme(): ChartTheme {
  const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement)
  const theme = {} as ChartTheme
  for (const [key, [variable, fallback]] of Object.entries(TOKENS) as [keyof ChartTheme, [string, string]][]) {
    // computed custom properties come back with their var() references already resolved
    theme[key] = style?.getPropertyValue(variable).trim() || fallback
  }
  return theme
}

/**
 * The chart colours, re-read whenever the portal switches between light and dark: the kit marks dark mode
 * with the `dark` class on <html>, and "auto" follows the system setting.
 */
export function useChartTheme() {
  const theme = shallowRef(readTheme())
  // <html> changes class for other reasons too (open dialogs, scroll locks): redraw only on new colours
  const refresh = () => {
    const next = readTheme()
    if ((Object.keys(next) as (keyof ChartTheme)[]).some((key) => next[key] !== theme.value[key])) theme.value = next
  }
  if (typeof document !== 'undefined') {
    useMutationObserver(document.documentElement, refresh, { attributes: true, attributeFilter: ['class', 'style'] })
  }
  watch(usePreferredDark(), refresh)
  return readonly(theme)
}
