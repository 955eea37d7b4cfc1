import { defineStore, acceptHMRUpdate } from 'pinia'
import { ref } from 'vue'
import { bindPlacement, fetchBindings, unbindPlacement } from '@/bitrix24/placements'
import { toRestError } from '@/bitrix24/rest-error'
import { adviceFor, handlerUrl, PROFILE_PLACEMENTS, type InstallAdvice } from '@/domain/portal/install-plan'
import { useSessionStore } from './session'

export type StepState = 'waiting' | 'running' | 'done' | 'already' | 'failed'

export interface InstallStep {
  key: 'admin' | (typeof PROFILE_PLACEMENTS)[number] | 'finish'
  state: StepState
}

/** The installer: checks the admin, binds the profile placements (once), then tells the portal it is done. */
export const useInstallStore = defineStore('install', () => {
  const session = useSessionStore()
  const steps = ref<InstallStep[]>([
    { key: 'admin', state: 'waiting' },
    ...PROFILE_PLACEMENTS.map((key) => ({ key, state: 'waiting' as StepState })),
    { key: 'finish', state: 'waiting' },
  ])
  const failure = ref<{ code: string; advice: InstallAdvice } | null>(null)
  const running = ref(false)

  function mark(key: InstallStep['key'], state: StepState) {
    steps.value = steps.value.map((step) => (step.key === key ? { ...step, state } : step))
  }

  /**
   * Runs the steps (again after an error). Each run reads the bindings first and binds only what is missing;
   * a bind the portal answers with "already binded" (another install tab) counts as done.
   */
  async function run(titles: Record<string, string>, lang: string): Promise<void> {
    const client = session.frame?.rest
    if (!client || running.value) return
    running.value = true
    failure.value = null
    let current: InstallStep['key'] = 'admin'
    try {
      mark('admin', 'running')
      if (!session.isAdmin) throw Object.assign(new Error('not an admin'), { code: 'ACCESS_DENIED' })
      mark('admin', 'done')
      const handler = handlerUrl(window.location)
      current = PROFILE_PLACEMENTS[0]
      mark(current, 'running')
      const bound = await fetchBindings(client)
      for (const placement of PROFILE_PLACEMENTS) {
        current = placement
        mark(placement, 'running')
        const mine = bound.filter((b) => b.placement === placement)
        // an earlier address of the app (moved host, http → https) would leave a second, broken item
        for (const stale of mine.filter((b) => b.handler !== handler)) await unbindPlacement(client, stale)
        if (mine.some((b) => b.handler === handler)) {
          mark(placement, 'already')
          continue
        }
        const outcome = await bindPlacement(client, { placement, handler, title: titles[lang] ?? titles.en ?? '', titles })
        mark(placement, outcome === 'already' ? 'already' : 'done')
      }
      current = 'finish'
      mark('finish', 'running')
      await session.finishInstall()
      mark('finish', 'done')
    } catch (error) {
      const code = toRestError(error, current === 'finish' ? 'installFinish' : 'placement').code
      mark(current, 'failed')
      failure.value = { code, advice: adviceFor(code) }
    } finally {
      running.value = false
    }
  }

  return { steps, failure, running, run }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInstallStore, import.meta.hot))
