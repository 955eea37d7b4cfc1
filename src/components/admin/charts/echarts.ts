import { use, type ComposeOption } from 'echarts/core'
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

/**
 * The parts of ECharts the admin charts use, registered once: bars and a donut, drawn as SVG (crisp at any
 * zoom, text a screen reader and a test can find) with tooltips and the aria description.
 */
use([BarChart, PieChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer])

export type BarOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption>
export type PieOption = ComposeOption<PieSeriesOption | TooltipComponentOption | AriaComponentOption>
