/**
 * One person of the fixtures: a name from a culture, contacts, dates and a job that fit together.
 * Used by the initial generation and by "people join mid-session" (PeopleChange.add).
 */
import type { FixtureDepartment, FixtureUser } from '../types'
import {
  COMPANY, CULTURES, FUNCTIONS, INTERESTS, PARTNER_COMPANIES, SKILLS, latinOf, latinize, nativeOf,
  type Culture, type DepartmentFunction,
} from './names'
import type { Rng } from './random'

const DAY = 86_400_000
const HOUR = 3_600_000

export interface PeopleContext {
  rng: Rng
  /** generation moment, epoch ms */
  now: number
  origin: string
  departments: Map<number, FixtureDepartment>
  functionOf: Map<number, DepartmentFunction>
  socialGroupCount: number
  usedEmails: Set<string>
  /** next free number per e-mail base, so a 100k portal does not probe "emma.walker2..200" one by one */
  emailCounters?: Map<string, number>
  /** next internal phone number */
  innerSeq: { value: number }
}

export interface PersonPlan {
  type: 'employee' | 'extranet'
  departments: number[]
  active: boolean
  /** force LAST_LOGIN = null */
  neverLoggedIn?: boolean
  /** joined just now (people added during a session) */
  newcomer?: boolean
}

/** Fields that can be empty and that an untouched profile holds as NULL. */
const NULLABLE = ['XML_ID', 'TITLE', 'SECOND_NAME', 'PERSONAL_PHONE', 'PERSONAL_MOBILE', 'PERSONAL_CITY', 'PERSONAL_COUNTRY',
  'WORK_PHONE', 'WORK_CITY', 'WORK_COUNTRY', 'UF_PHONE_INNER', 'UF_SKILLS', 'UF_INTERESTS', 'TIME_ZONE', 'PERSONAL_GENDER'] as const

const CULTURE_WEIGHTS = CULTURES.map((c) => c.weight)

const EXTRANET_POSITIONS = ['Consultant', 'External Contractor', 'Partner Manager', 'Freelance Designer', 'Auditor', 'Implementation Partner']

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z'
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

function phone(rng: Rng, code: string, mobile: boolean): string {
  const digits = (n: number): string => {
    let out = ''
    for (let i = 0; i < n; i++) out += String(rng.int(0, 9))
    return out
  }
  return mobile ? `+${code} ${rng.int(150, 999)} ${digits(3)} ${digits(4)}` : `+${code} ${rng.int(10, 99)} ${digits(3)}-${digits(2)}-${digits(2)}`
}

function uniqueEmail(ctx: PeopleContext, first: string, last: string, domain: string): string {
  const base = first && last ? `${first}.${last}` : first || last || 'user'
  const counters = (ctx.emailCounters ??= new Map())
  const key = `${base}@${domain}`
  let n = counters.get(key) ?? 1
  let email = n === 1 ? key : `${base}${n}@${domain}`
  while (ctx.usedEmails.has(email)) email = `${base}${++n}@${domain}`
  counters.set(key, n + 1)
  ctx.usedEmails.add(email)
  return email
}

function pickSome(rng: Rng, pool: readonly string[], min: number, max: number): string {
  const n = rng.int(min, max)
  const out = new Set<string>()
  while (out.size < n) out.add(rng.pick(pool))
  return [...out].join(', ')
}

export function makePerson(ctx: PeopleContext, ID: number, plan: PersonPlan): FixtureUser {
  const { rng, now } = ctx
  const culture = CULTURES[rng.weighted(CULTURE_WEIGHTS)] as Culture
  const female = rng.chance(0.5)
  const first = rng.pick(female ? culture.female : culture.male)
  const last = rng.pick(culture.last)
  const lastNative = female && culture.femaleLast ? culture.femaleLast(nativeOf(last)) : nativeOf(last)
  let secondName = ''
  if (culture.patronymics && rng.chance(0.8)) secondName = rng.pick(culture.patronymics)[female ? 1 : 0]
  else if (culture.middle && rng.chance(0.12)) secondName = rng.pick(culture.middle)
  const [city, country, tz, code] = rng.pick(culture.cities)
  const employee = plan.type === 'employee'

  const primary = plan.departments[0]
  const fn = primary !== undefined ? ctx.functionOf.get(primary) : undefined
  let position: string
  if (!employee) position = rng.pick(EXTRANET_POSITIONS)
  else if (culture.localPositions && rng.chance(0.15)) position = rng.pick(culture.localPositions)
  else position = rng.pick((fn ?? rng.pick(FUNCTIONS)).positions)
  if (employee && rng.chance(0.04)) position = '' // nobody filled it in

  // dates: employment within ten years (some this month), registration around it, logins since
  const monthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1)
  let employment: number | null = null
  if (plan.newcomer) employment = now
  else if (employee && rng.chance(0.85)) {
    employment = rng.chance(0.03) ? rng.int(monthStart, now) : now - rng.int(30, 3650) * DAY
  }
  const registered = plan.newcomer
    ? now - rng.int(1, 60) * 60_000
    : employment !== null
      ? Math.min(now - HOUR, employment - rng.int(0, 20) * DAY + rng.int(9, 17) * HOUR)
      : now - rng.int(20, 3650) * DAY + rng.int(0, 23) * HOUR
  const never = plan.neverLoggedIn || plan.newcomer || rng.chance(employment !== null && employment >= monthStart ? 0.3 : 0.05)
  let lastLogin: number | null = null
  if (!never) {
    const roll = rng.next()
    const ago = roll < 0.75 ? rng.int(0, 7 * 24) * HOUR : roll < 0.95 ? rng.int(7, 90) * DAY : rng.int(90, 900) * DAY
    lastLogin = Math.max(registered + HOUR, now - ago - rng.int(0, 59) * 60_000)
    if (lastLogin > now) lastLogin = now - rng.int(1, 120) * 60_000
  }
  const online = plan.active && lastLogin !== null && rng.chance(0.15)
  if (online && lastLogin !== null && now - lastLogin > 12 * HOUR) lastLogin = now - rng.int(1, 10) * HOUR
  const lastActivity = lastLogin === null ? null : online ? now - rng.int(0, 10) * 60_000 : Math.min(now, lastLogin + rng.int(0, 6 * 60) * 60_000)
  // the record's last change; a newcomer's record was written just now (the invitation was accepted)
  const edited = Math.min(now, registered + Math.floor(rng.next() * Math.max(1, now - registered)))
  const modified = plan.newcomer ? now : edited

  const birthYear = new Date(now).getUTCFullYear() - rng.int(21, 64)
  const birthday = rng.chance(0.85) ? isoDate(Date.UTC(birthYear, 0, 1) + rng.int(0, 364) * DAY) : null

  const domain = employee ? 'northwind.example' : `${latinize(rng.pick(PARTNER_COMPANIES).split(' ')[0] ?? 'partner')}.example`
  // the e-mail follows the name as written (a female Slavic surname keeps its ending)
  const lastLatin = typeof last === 'string' ? latinize(lastNative) : latinOf(last)
  const email = uniqueEmail(ctx, latinOf(first), lastLatin, domain)

  const socialGroups: number[] = []
  if (ctx.socialGroupCount > 0 && (!employee || rng.chance(0.1))) {
    const n = !employee && rng.chance(0.3) ? 2 : 1
    while (socialGroups.length < Math.min(n, ctx.socialGroupCount)) {
      const g = rng.int(1, ctx.socialGroupCount)
      if (!socialGroups.includes(g)) socialGroups.push(g)
    }
  }

  const user: FixtureUser = {
    ID,
    XML_ID: employee && rng.chance(0.5) ? `HR-${String(ID).padStart(6, '0')}` : '',
    ACTIVE: plan.active,
    NAME: nativeOf(first),
    LAST_NAME: lastNative,
    SECOND_NAME: secondName,
    TITLE: rng.chance(0.03) ? 'Dr.' : rng.chance(0.01) ? 'Prof.' : '',
    EMAIL: email,
    LOGIN: email,
    PERSONAL_GENDER: rng.chance(0.08) ? '' : female ? 'F' : 'M',
    PERSONAL_BIRTHDAY: birthday,
    PERSONAL_PHOTO: rng.chance(0.8) ? `${ctx.origin}/_portal/avatar/${ID}.png` : null,
    PERSONAL_PHONE: rng.chance(0.15) ? phone(rng, code, false) : '',
    PERSONAL_MOBILE: rng.chance(0.7) ? phone(rng, code, true) : '',
    PERSONAL_CITY: rng.chance(0.9) ? city : '',
    PERSONAL_COUNTRY: rng.chance(0.9) ? country : '',
    WORK_PHONE: employee && rng.chance(0.75) ? phone(rng, code, false) : '',
    WORK_POSITION: position,
    WORK_COMPANY: employee ? COMPANY : rng.pick(PARTNER_COMPANIES),
    WORK_CITY: rng.chance(0.85) ? city : '',
    WORK_COUNTRY: rng.chance(0.85) ? country : '',
    UF_DEPARTMENT: employee ? [...plan.departments] : [],
    UF_PHONE_INNER: employee && rng.chance(0.7) ? String(ctx.innerSeq.value++) : '',
    UF_EMPLOYMENT_DATE: employment === null ? null : isoDate(employment),
    UF_SKILLS: rng.chance(0.55) ? pickSome(rng, SKILLS, 1, 4) : '',
    UF_INTERESTS: rng.chance(0.45) ? pickSome(rng, INTERESTS, 1, 3) : '',
    DATE_REGISTER: isoSeconds(registered),
    LAST_LOGIN: lastLogin === null ? null : isoSeconds(lastLogin),
    LAST_ACTIVITY_DATE: lastActivity === null ? null : isoSeconds(lastActivity),
    TIMESTAMP_X: isoSeconds(modified),
    TIME_ZONE: rng.chance(0.75) ? tz : '',
    IS_ONLINE: online,
    USER_TYPE: plan.type,
    EXTERNAL_AUTH_ID: null,
    groups: employee ? [2, 3] : [2, 12],
    isAdmin: false,
    socialGroups,
  }
  if (rng.chance(0.35)) {
    const nulls = NULLABLE.filter((f) => user[f] === '')
    if (nulls.length) user.dbNulls = nulls
  }
  return user
}

/** Chat bots and e-mail (CRM correspondence) users: they exist in the portal but user.get never returns them. */
export function makeSystemUser(ctx: PeopleContext, ID: number, kind: 'bot' | 'email', n: number): FixtureUser {
  const bots = [['Marta', 'Bitrix24 assistant'], ['Support', 'Bot'], ['HR', 'Helper bot']] as const
  const emails = [['Client', 'Mailbox'], ['Jane', 'Customer'], ['Order', 'Notifications']] as const
  const [NAME, LAST_NAME] = (kind === 'bot' ? bots : emails)[n % 3] as readonly [string, string]
  const registered = isoSeconds(ctx.now - (400 + n * 37) * DAY)
  return {
    ID, XML_ID: '', ACTIVE: true, NAME, LAST_NAME, SECOND_NAME: '', TITLE: '',
    EMAIL: kind === 'email' ? `${latinize(NAME)}.${n + 1}@mail-client.example` : '',
    LOGIN: kind === 'bot' ? `bot_${ID}` : `email_${ID}`,
    PERSONAL_GENDER: '', PERSONAL_BIRTHDAY: null, PERSONAL_PHOTO: null, PERSONAL_PHONE: '', PERSONAL_MOBILE: '',
    PERSONAL_CITY: '', PERSONAL_COUNTRY: '', WORK_PHONE: '', WORK_POSITION: kind === 'bot' ? 'Chat bot' : '',
    WORK_COMPANY: '', WORK_CITY: '', WORK_COUNTRY: '', UF_DEPARTMENT: [], UF_PHONE_INNER: '', UF_EMPLOYMENT_DATE: null,
    UF_SKILLS: '', UF_INTERESTS: '', DATE_REGISTER: registered, LAST_LOGIN: null, LAST_ACTIVITY_DATE: null,
    TIMESTAMP_X: registered, TIME_ZONE: '', IS_ONLINE: kind === 'bot',
    USER_TYPE: kind === 'email' ? 'email' : 'employee', EXTERNAL_AUTH_ID: kind,
    groups: [2], isAdmin: false, socialGroups: [],
  }
}
