/** The method registry: lower-case name → {scope, handler}. Names are matched lower-cased, as the portal does. */
import type { MethodDef } from '../context'
import { appMethods } from './app'
import { BATCH_METHODS } from './batch'
import { DEPARTMENT_METHODS } from './department'
import { USER_METHODS } from './user'

const METHODS: Record<string, MethodDef> = {
  ...USER_METHODS,
  ...DEPARTMENT_METHODS,
  ...BATCH_METHODS,
}
Object.assign(METHODS, appMethods(METHODS))

export function findMethod(name: string): MethodDef | undefined {
  return Object.prototype.hasOwnProperty.call(METHODS, name) ? METHODS[name] : undefined
}

/** methods that never run inside a batch (portal-protocol.md §4: files, and nested batch since rest 24.0.0) */
export const NOT_IN_BATCH = new Set(['batch', 'download', 'upload'])
