import type { RestClient } from './rest-client'
import { callBatch } from './batch'
import { planPeopleBatch, readPeopleBatch, type BatchReading, type PeopleQuery } from '@/domain/load-plan'

/** One HTTP request worth of people after the cursor (up to 2,500), read in chain order. */
export async function fetchPeopleBatch(
  client: RestClient,
  query: PeopleQuery,
  afterId: number,
  withCount: boolean,
  maxPages?: number,
): Promise<BatchReading> {
  const plan = planPeopleBatch(query, afterId, withCount, maxPages)
  const outcomes = await callBatch(client, plan.commands)
  return readPeopleBatch(plan, outcomes)
}
