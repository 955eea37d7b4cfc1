import type { OperatingReading } from '@/domain/portal/portal-budget'
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
  // the latest figures: every page reports the method's usage as it stood after that page
  let operating: OperatingReading | null = null
  for (const key of plan.pageKeys) {
    const outcome = outcomes[key]
    const reading = outcome?.ok ? operatingOf(outcome.time) : null
    if (reading && (!operating || reading.operatingSec >= operating.operatingSec)) operating = reading
  }
  return { ...readPeopleBatch(plan, outcomes), operating, dateStart: time?.dateStart ?? null }
}
