import { newestReading, type OperatingReading } from '@/domain/portal/portal-budget'
import type { RestClient } from './rest-client'
import { callBatchTimed } from './batch'
import { planPeopleBatch, readPeopleBatch, type BatchReading, type Direction, type IdRange, type PeopleQuery } from './people-batch'
import { operatingOf } from './people-sync'

/** One HTTP request worth of people in the range (up to 2,500), read in chain order from the end `direction` names. */
export async function fetchPeopleBatch(
  client: RestClient,
  query: PeopleQuery,
  range: IdRange,
  withCount: boolean,
  maxPages?: number,
  direction: Direction = 'up',
): Promise<BatchReading & { operating: OperatingReading | null; dateStart: string | null }> {
  const plan = planPeopleBatch(query, range, withCount, maxPages, direction)
  const { outcomes, time } = await callBatchTimed(client, plan.commands)
  // every page reports the method's usage, as it stood after that page or (as live portals were seen to) the
  // whole batch's: the highest is the newest
  const operating = newestReading(plan.pageKeys.map((key) => {
    const outcome = outcomes[key]
    return outcome?.ok ? operatingOf(outcome.time) : null
  }))
  return { ...readPeopleBatch(plan, outcomes), operating, dateStart: time?.dateStart ?? null }
}
