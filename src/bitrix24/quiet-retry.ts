import { toAppError } from '@/domain/errors/app-error'
import { nextRetryDelay, RETRY_DELAYS_MS, type RetryState } from '@/domain/portal/retry-policy'
import { toRestError, type RestError } from './rest-error'

export interface QuietRetryOptions {
  /** the REST method, named in the RestError when the failure carries none */
  method: string
  /** waits between tries, in ms (RETRY_DELAYS_MS unless a test shortens them) */
  delays?: readonly number[]
  /** told true while a quiet wait runs, false once it ends: the viewer sees "waiting for Bitrix24" */
  onWait?: (waiting: boolean) => void
  /** failures that are not worth another try even when the retry policy would retry them */
  giveUp?: (failure: RestError) => boolean
  /** true once the viewer stopped: no further try, the last failure is thrown */
  stopped?: () => boolean
  /**
   * A mark of how far the task got (a cursor); when it moved since the last failure, the portal is answering
   * again and the next failure starts a new streak with its own time budget.
   */
  progress?: () => unknown
  /** waits ms, or less when woken (Stop, back online); setTimeout by default */
  pause?: (ms: number) => Promise<void>
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs a Bitrix24 task, retrying transient faults (busy portal, 5xx, network) quietly with the retry policy's
 * back-off, and throws the last failure as a RestError when waiting cannot help, the streak is spent or the
 * viewer stopped. The one retry loop for starting up, people and departments.
 */
export async function retryQuietly<T>(task: () => Promise<T>, options: QuietRetryOptions): Promise<T> {
  const { method, delays = RETRY_DELAYS_MS, onWait, giveUp, stopped = () => false, progress, pause = sleep } = options
  let streak: RetryState | null = null
  let mark: unknown = progress?.()
  for (;;) {
    try {
      return await task()
    } catch (error) {
      const failure: RestError = toRestError(error, method)
      const now = progress?.()
      if (!streak || now !== mark) streak = { attempt: 0, since: Date.now() }
      mark = now
      const delay = stopped() || giveUp?.(failure) ? null : nextRetryDelay(streak, toAppError(failure.code, failure.status), Date.now(), delays)
      streak.attempt++
      if (delay === null) throw failure
      onWait?.(true)
      try {
        await pause(delay)
      } finally {
        onWait?.(false)
      }
      if (stopped()) throw failure
    }
  }
}
