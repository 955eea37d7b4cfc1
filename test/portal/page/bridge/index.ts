/**
 * Entry of the portal page script (`/_portal/assets/bridge.js`, bundled with esbuild when the portal starts).
 * Reads the per-render config, installs the shared UI on the top window, opens the app layout and wires the
 * developer tools of the portal page.
 */
import type { PageConfig } from './config'
import { FrameHost } from './host'
import { mountLogPanel } from './log-panel'
import { mountControls, mountSwitcher } from './switcher'
import { toast } from './toast'
import { installOwnUi } from './ui'

function readConfig(): PageConfig | null {
  const node = document.getElementById('portal-config')
  if (!node?.textContent) return null
  try {
    return JSON.parse(node.textContent) as PageConfig
  } catch (err) {
    console.error('[portal] bad #portal-config', err)
    return null
  }
}

function main(): void {
  const cfg = readConfig()
  if (!cfg) return
  let isTop = true
  try {
    isTop = window.top === window
  } catch {
    isTop = false
  }
  if (isTop) installOwnUi()

  if (cfg.frame) new FrameHost(cfg.frame, cfg).start()

  if (cfg.page === 'portal' || cfg.page === 'not-installed') {
    mountSwitcher()
    mountControls()
    mountLogPanel()
  }

  // menu items the local portal does not have
  document.addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest<HTMLElement>('[data-stub]')
    if (!link) return
    e.preventDefault()
    toast(`${link.dataset.stub ?? 'This section'} is not part of the local portal`)
  })

  // links inside slider pages open in the top window (like the real portal's slider links)
  if (!isTop) {
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-top]'))) a.target = '_top'
  }

  if (cfg.installFinished) toast('The application is installed', 'success', 5000)
}

main()
