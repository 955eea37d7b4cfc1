import type { RestClient } from './rest-client'
import { callBatch, type BatchCommand } from './batch'
import { MAX_COMMANDS, PAGE_SIZE } from '@/bitrix24/people-batch'

export type RawDepartment = Record<string, unknown>

/**
 * Every department, in tree order. department.get pages by `start` (rounded down to whole pages of 50) and
 * always reports `total`; it ignores `>ID`, so the SDK's cursor-based list helpers would loop forever on it.
 * One call learns the total, then the remaining pages go in batches of 50.
 */
export async function fetchAllDepartments(client: RestClient): Promise<RawDepartment[]> {
  const first = await client.call<unknown>('department.get', { start: 0 })
  const departments = asList(first.result)
  const total = first.total ?? departments.length
  const starts: number[] = []
  for (let start = PAGE_SIZE; start < total; start += PAGE_SIZE) starts.push(start)
  for (let i = 0; i < starts.length; i += MAX_COMMANDS) {
    const chunk = starts.slice(i, i + MAX_COMMANDS)
    const commands: Record<string, BatchCommand> = Object.fromEntries(
      chunk.map((start) => [`d${start}`, { method: 'department.get', params: { start } }]),
    )
    const outcomes = await callBatch(client, commands)
    for (const start of chunk) {
      const outcome = outcomes[`d${start}`]
      if (!outcome?.ok) throw outcome?.error ?? new Error('department.get did not answer')
      departments.push(...asList(outcome.result))
    }
  }
  // A department added between two pages can shift the next page by one: keep each ID once.
  const seen = new Set<string>()
  return departments.filter((d) => {
    const id = String(d.ID)
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

function asList(value: unknown): RawDepartment[] {
  return Array.isArray(value) ? value.filter((d): d is RawDepartment => Boolean(d) && typeof d === 'object') : []
}
