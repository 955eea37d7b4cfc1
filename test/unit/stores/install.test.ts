import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useInstallStore, type StepState } from '@/stores/install'
import { useSessionStore } from '@/stores/session'
import type { PortalFrame } from '@/bitrix24/frame'
import type { RestParams, RestResponse } from '@/bitrix24/rest-client'
import { RestError } from '@/bitrix24/rest-error'
import { handlerUrl } from '@/domain/portal/install-plan'

const ALREADY = 'Unable to set placement handler: Handler already binded'
const titles = { en: 'People', ru: 'Люди' }

type Answer = (params: RestParams | undefined) => unknown

/** A portal that answers each method with its handler; a method without one fails the test loudly. */
function signIn(answers: Record<string, Answer>, isAdmin = true) {
  const call = vi.fn(async (method: string, params?: RestParams): Promise<RestResponse<unknown>> => {
    const answer = answers[method]
    if (!answer) throw new Error(`unexpected call ${method}`)
    return { result: await answer(params) }
  })
  const finishInstall = vi.fn(async () => {})
  const session = useSessionStore()
  session.frame = { rest: { call }, actions: { finishInstall } } as unknown as PortalFrame
  session.isAdmin = isAdmin
  return { call, finishInstall }
}

const states = () => Object.fromEntries(useInstallStore().steps.map((step) => [step.key, step.state])) as Record<string, StepState>
const calls = (call: ReturnType<typeof signIn>['call'], method: string) =>
  call.mock.calls.filter(([m]) => m === method).map(([, params]) => params)

describe('install store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('binds both profile placements, takes "already binded" as done, and finishes the install once', async () => {
    const { call, finishInstall } = signIn({
      'placement.get': () => [],
      'placement.bind': (params) => {
        if (params?.PLACEMENT === 'USER_PROFILE_MENU') throw new RestError('ERROR_CORE', 400, ALREADY, 'placement.bind')
        return true
      },
    })
    const install = useInstallStore()
    await install.run(titles, 'ru')
    expect(states()).toEqual({ admin: 'done', USER_PROFILE_TOOLBAR: 'done', USER_PROFILE_MENU: 'already', finish: 'done' })
    expect(finishInstall).toHaveBeenCalledTimes(1)
    expect(install.failure).toBeNull()
    expect(install.running).toBe(false)
    const binds = calls(call, 'placement.bind')
    expect(binds.map((p) => p?.PLACEMENT)).toEqual(['USER_PROFILE_TOOLBAR', 'USER_PROFILE_MENU'])
    expect(binds[0]).toMatchObject({ HANDLER: handlerUrl(window.location), TITLE: 'Люди', LANG_ALL: { en: { TITLE: 'People' } } })
  })

  it('takes the SDK-shaped "already binded" error as done too', async () => {
    const { finishInstall } = signIn({
      'placement.get': () => [],
      'placement.bind': () => {
        throw { code: 'ERROR_CORE', status: 400, description: ALREADY }
      },
    })
    await useInstallStore().run(titles, 'en')
    expect(states()).toMatchObject({ USER_PROFILE_TOOLBAR: 'already', USER_PROFILE_MENU: 'already', finish: 'done' })
    expect(finishInstall).toHaveBeenCalledTimes(1)
  })

  it('does not bind a placement already bound to this address, and unbinds an earlier address', async () => {
    const here = handlerUrl(window.location)
    const { call, finishInstall } = signIn({
      'placement.get': () => [
        { placement: 'USER_PROFILE_TOOLBAR', handler: here },
        { placement: 'USER_PROFILE_MENU', handler: 'http://old.example.com/people/' },
      ],
      'placement.unbind': () => ({ count: 1 }),
      'placement.bind': () => true,
    })
    await useInstallStore().run(titles, 'en')
    expect(states()).toEqual({ admin: 'done', USER_PROFILE_TOOLBAR: 'already', USER_PROFILE_MENU: 'done', finish: 'done' })
    expect(calls(call, 'placement.unbind')).toEqual([{ PLACEMENT: 'USER_PROFILE_MENU', HANDLER: 'http://old.example.com/people/' }])
    expect(calls(call, 'placement.bind').map((p) => p?.PLACEMENT)).toEqual(['USER_PROFILE_MENU'])
    expect(finishInstall).toHaveBeenCalledTimes(1)
  })

  it('stops at a refused bind with advice, without finishing, and carries on from there on Retry', async () => {
    let refuse = true
    const { call, finishInstall } = signIn({
      'placement.get': () => [],
      'placement.bind': (params) => {
        if (refuse && params?.PLACEMENT === 'USER_PROFILE_MENU') throw new RestError('ACCESS_DENIED', 403, 'Access denied', 'placement.bind')
        return true
      },
    })
    const install = useInstallStore()
    await install.run(titles, 'en')
    expect(states()).toEqual({ admin: 'done', USER_PROFILE_TOOLBAR: 'done', USER_PROFILE_MENU: 'failed', finish: 'waiting' })
    expect(install.failure).toEqual({ code: 'ACCESS_DENIED', advice: 'admin' })
    expect(finishInstall).not.toHaveBeenCalled()

    refuse = false
    await install.run(titles, 'en')
    expect(states()).toMatchObject({ USER_PROFILE_MENU: 'done', finish: 'done' })
    expect(install.failure).toBeNull()
    expect(finishInstall).toHaveBeenCalledTimes(1)
    expect(calls(call, 'placement.bind').length).toBeGreaterThanOrEqual(3)
  })

  it('does not treat another ERROR_CORE as already bound', async () => {
    const { finishInstall } = signIn({
      'placement.get': () => [],
      'placement.bind': () => {
        throw new RestError('ERROR_CORE', 400, 'Unable to set placement handler', 'placement.bind')
      },
    })
    const install = useInstallStore()
    await install.run(titles, 'en')
    expect(states()).toMatchObject({ USER_PROFILE_TOOLBAR: 'failed', finish: 'waiting' })
    expect(install.failure?.code).toBe('ERROR_CORE')
    expect(finishInstall).not.toHaveBeenCalled()
  })

  it('stops at the first step for a viewer who is not an admin, without calling the portal', async () => {
    const { call, finishInstall } = signIn({}, false)
    const install = useInstallStore()
    await install.run(titles, 'en')
    expect(states()).toEqual({ admin: 'failed', USER_PROFILE_TOOLBAR: 'waiting', USER_PROFILE_MENU: 'waiting', finish: 'waiting' })
    expect(install.failure).toEqual({ code: 'ACCESS_DENIED', advice: 'admin' })
    expect(call).not.toHaveBeenCalled()
    expect(finishInstall).not.toHaveBeenCalled()
  })

  it('runs once at a time', async () => {
    const { finishInstall } = signIn({ 'placement.get': () => [], 'placement.bind': () => true })
    const install = useInstallStore()
    await Promise.all([install.run(titles, 'en'), install.run(titles, 'en')])
    expect(finishInstall).toHaveBeenCalledTimes(1)
  })
})
