import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { connectFrame, type ConnectOptions, type PortalFrame } from '@/bitrix24/frame'
import { FrameStartError, type FrameProblem } from '@/bitrix24/frame-errors'
import { callBatch, type BatchCommand } from '@/bitrix24/batch'
import { toPerson, type Person } from '@/domain/person'
import type { RawUser } from '@/bitrix24/users'
import { adminAccessCodes } from '@/domain/admin-access'

export type SessionStatus = 'connecting' | 'ready' | FrameProblem

/** Who is looking, from where, and what they may open. */
export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus>('connecting')
  /** the portal connection; not reactive inside (the SDK object must not be proxied) */
  const frame = shallowRef<PortalFrame | null>(null)
  const me = ref<Person | null>(null)
  /** may open the admin views: portal admin, or holds one of the access codes the admin granted */
  const canAdmin = ref(false)
  const problemDetail = ref('')

  const placement = computed(() => frame.value?.placement ?? 'DEFAULT')
  const lang = computed(() => frame.value?.lang ?? 'en')

  /** Connects to the portal and learns who the viewer is, in one REST request. */
  async function start(options?: ConnectOptions): Promise<void> {
    status.value = 'connecting'
    try {
      const connected = await connectFrame(options)
      frame.value = connected
      const codes = adminAccessCodes(connected.appOption('adminAccess'))
      const commands: Record<string, BatchCommand> = {
        me: { method: 'user.current' },
        admin: { method: 'user.admin' },
      }
      if (codes.length) commands.access = { method: 'user.access', params: { ACCESS: codes } }
      const outcomes = await callBatch(connected.rest, commands)
      const { me: mine, admin, access } = outcomes
      if (!mine?.ok) throw mine?.error ?? new Error('user.current did not answer')
      me.value = toPerson(mine.result as RawUser)
      const isAdmin = admin?.ok === true && admin.result === true
      const granted = access?.ok === true && access.result === true
      canAdmin.value = isAdmin || granted
      status.value = 'ready'
    } catch (error) {
      status.value = error instanceof FrameStartError ? error.problem : 'failed'
      problemDetail.value = error instanceof Error ? error.message : String(error)
    }
  }

  return { status, frame, me, canAdmin, problemDetail, placement, lang, start }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
