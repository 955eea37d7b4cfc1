import type { ChartTheme } from './useChartTheme'

/** Fixed row height of the horizontal bar charts: the chart grows with its bars rather than squeezing them. */
const BAR_ROW_HEIGHT = 28

/** Height of a horizontal bar chart: room for every bar plus the chart's own margins. */
export function barChartHeight(bars: number): number {
  return Math.max(3, bars) * BAR_ROW_HEIGHT + 24
}

export function numberFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale)
}

export function percentFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
}

/**
 * Tooltips are drawn by the chart itself as text (richText), never as HTML: department names come from the
 * portal's users and may hold markup.
 */
export function tooltipOption(theme: ChartTheme, text: (dataIndex: number) => string) {
  return {
    trigger: 'item' as const,
    renderMode: 'richText' as const,
    backgroundColor: theme.background,
    borderColor: theme.grid,
    textStyle: { color: theme.text },
    formatter: (params: unknown) => text(dataIndexOf(params)),
  }
}

function dataIndexOf(params: unknown): number {
  const first = Array.isArray(params) ? (params as unknown[])[0] : params
  const index = (first as { dataIndex?: unknown } | undefined)?.dataIndex
  return typeof index === 'number' ? index : -1
}

/**
 * Screen readers read the chart's own description: the chart title and its data as one sentence, in the
 * app's language rather than ECharts' built-in English or Chinese.
 */
export function ariaOption(title: string, items: readonly string[]) {
  return { enabled: true, label: { enabled: true, description: `${title}: ${items.join('; ')}` } }
}
