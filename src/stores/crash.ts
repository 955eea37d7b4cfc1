import { defineStore, acceptHMRUpdate } from 'pinia'
import { ref, shallowRef } from 'vue'
import { describeUnexpected, type CrashReport } from '@/domain/errors/unexpected-error'

/**
 * Unexpected errors that no view's boundary caught (Vue's app-level errorHandler, unhandled promise
 * rejections). The app shows the latest above the current view, with Retry, instead of failing silently.
 */
export const useCrashStore = defineStore('crash', () => {
  const report = shallowRef<CrashReport | null>(null)
  /** bumped by Retry: the view below is built anew */
  const attempt = ref(0)

  function record(error: unknown, where: string) {
    // kept whole in the console (with its cause chain) for whoever debugs it
    console.error(`[app] unexpected error in ${where}`, error)
    report.value = describeUnexpected(error, where, __APP_VERSION__)
  }

  function retry() {
    report.value = null
    attempt.value++
  }

  return { report, attempt, record, retry }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCrashStore, import.meta.hot))
