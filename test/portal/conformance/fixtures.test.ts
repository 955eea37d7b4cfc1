/** Fixtures: deterministic by seed, and every case a directory must handle is present. */
import { describe, expect, it } from 'vitest'
import { Directory } from '../state/directory'
import { HTML_SAMPLES, generateFixtures } from '../state/fixtures'
import { choosePersonas } from '../state/personas'

const NOW = Date.UTC(2025, 5, 15, 10)
const make = (people: number, seed = 1) => generateFixtures({ people, seed, origin: 'http://127.0.0.1:8787', now: NOW })

describe('fixtures', () => {
  it('are deterministic for a seed and differ between seeds', () => {
    expect(make(300, 7)).toEqual(make(300, 7))
    expect(make(300, 8).users.map((u) => u.NAME)).not.toEqual(make(300, 7).users.map((u) => u.NAME))
    expect(choosePersonas(make(300, 7))).toEqual(choosePersonas(make(300, 7)))
  })

  it('have N real people plus 3 bots and 3 e-mail users, ID 1 being the admin', () => {
    const f = make(1000)
    const real = f.users.filter((u) => u.EXTERNAL_AUTH_ID === null)
    expect(real).toHaveLength(1000)
    expect(f.users.filter((u) => u.EXTERNAL_AUTH_ID === 'bot')).toHaveLength(3)
    expect(f.users.filter((u) => u.EXTERNAL_AUTH_ID === 'email')).toHaveLength(3)
    expect(new Set(f.users.map((u) => u.ID)).size).toBe(f.users.length)
    const admin = f.users.find((u) => u.ID === 1)
    expect(admin).toMatchObject({ isAdmin: true, groups: [1, 2, 3], ACTIVE: true, USER_TYPE: 'employee' })
    expect(f.users.filter((u) => u.isAdmin)).toHaveLength(1)
  })

  it('have a department tree at least four levels deep, with heads and some headless departments', () => {
    const f = make(1000)
    const dir = new Directory(f)
    expect(f.departments.length).toBeGreaterThanOrEqual(Math.round(1000 / 12))
    expect(f.departments[0]).toMatchObject({ ID: 1, PARENT: null })
    expect(f.departments.filter((d) => d.PARENT === null)).toHaveLength(1)
    expect(Math.max(...f.departments.map((d) => dir.ancestors(d.ID).length))).toBeGreaterThanOrEqual(4)
    expect(f.departments.filter((d) => d.UF_HEAD !== null).length).toBeGreaterThan(f.departments.length / 2)
    expect(f.departments.some((d) => d.UF_HEAD === null)).toBe(true)
    // a head is an active member of the department
    for (const d of f.departments) {
      if (d.UF_HEAD === null) continue
      const head = f.users.find((u) => u.ID === d.UF_HEAD)
      expect(head?.ACTIVE).toBe(true)
      expect(head?.UF_DEPARTMENT).toContain(d.ID)
    }
    expect(make(30).departments.length).toBeGreaterThanOrEqual(15)
  })

  it('contain the edge cases: dismissed, extranet, never logged in, no department, several departments, HTML', () => {
    for (const size of [30, 120, 1000]) {
      const real = make(size).users.filter((u) => u.EXTERNAL_AUTH_ID === null)
      expect(real.some((u) => !u.ACTIVE), `dismissed in ${size}`).toBe(true)
      const extranet = real.filter((u) => u.USER_TYPE === 'extranet')
      expect(extranet.length, `extranet in ${size}`).toBeGreaterThan(0)
      for (const u of extranet) {
        expect(u.UF_DEPARTMENT).toEqual([])
        expect(u.groups).toEqual([2, 12])
        expect(u.socialGroups.length).toBeGreaterThan(0)
      }
      expect(real.some((u) => u.LAST_LOGIN === null), `never logged in in ${size}`).toBe(true)
      expect(real.some((u) => u.USER_TYPE === 'employee' && u.UF_DEPARTMENT.length === 0), `no department in ${size}`).toBe(true)
      expect(real.some((u) => u.UF_DEPARTMENT.length > 1), `several departments in ${size}`).toBe(true)
      for (const [field, value] of Object.entries(HTML_SAMPLES)) {
        expect(real.some((u) => (u as unknown as Record<string, unknown>)[field] === value), `${field} HTML in ${size}`).toBe(true)
      }
    }
  })

  it('look like a real workforce', () => {
    const real = make(1000).users.filter((u) => u.EXTERNAL_AUTH_ID === null)
    const share = (p: (u: (typeof real)[number]) => boolean) => real.filter(p).length / real.length
    expect(share((u) => !!u.PERSONAL_PHOTO)).toBeGreaterThan(0.7)
    expect(share((u) => !!u.PERSONAL_PHOTO)).toBeLessThan(0.9)
    expect(share((u) => u.IS_ONLINE)).toBeGreaterThan(0.08)
    expect(share((u) => u.IS_ONLINE)).toBeLessThan(0.25)
    expect(share((u) => !u.ACTIVE)).toBeLessThan(0.08)
    expect(real.every((u) => /^[a-z0-9.]+@[a-z0-9.-]+$/.test(u.EMAIL))).toBe(true)
    expect(new Set(real.map((u) => u.EMAIL)).size).toBe(real.length)
    expect(real.some((u) => /[а-яё]/i.test(u.NAME))).toBe(true)
    expect(real.some((u) => /[\u4e00-\u9fff]/.test(u.LAST_NAME))).toBe(true)
    expect(real.some((u) => /[\u0600-\u06ff]/.test(u.NAME))).toBe(true)
    expect(real.some((u) => /[éèüöäñçøå]/i.test(u.NAME + u.LAST_NAME))).toBe(true)
    expect(real.filter((u) => u.TIME_ZONE).every((u) => /^[A-Z][A-Za-z_]+\/[A-Za-z_/]+$/.test(u.TIME_ZONE))).toBe(true)
    const month = new Date(NOW).toISOString().slice(0, 7)
    expect(real.some((u) => u.UF_EMPLOYMENT_DATE?.startsWith(month))).toBe(true)
    expect(real.some((u) => u.PERSONAL_BIRTHDAY?.slice(5, 7) === month.slice(5, 7))).toBe(true)
    const years = new Set(real.map((u) => u.UF_EMPLOYMENT_DATE?.slice(0, 4)).filter(Boolean))
    expect(years.size).toBeGreaterThanOrEqual(8)
  })

  it('choose personas by their rules', () => {
    const f = make(1000)
    const p = choosePersonas(f)
    const user = (id: number) => f.users.find((u) => u.ID === id)
    expect(p.admin).toBe(1)
    const headDept = f.departments.find((d) => d.UF_HEAD === p.head)
    expect(p.head).not.toBe(1)
    expect(headDept?.PARENT).toBe(1)
    const emp = user(p.employee)
    expect(emp).toMatchObject({ ACTIVE: true, USER_TYPE: 'employee' })
    expect(f.departments.some((d) => d.UF_HEAD === p.employee)).toBe(false)
    expect(f.departments.some((d) => d.PARENT === emp?.UF_DEPARTMENT[0])).toBe(false)
    expect(emp?.PERSONAL_PHOTO && emp.WORK_PHONE && emp.PERSONAL_BIRTHDAY && emp.LAST_LOGIN).toBeTruthy()
    expect(user(p.extranet)).toMatchObject({ ACTIVE: true, USER_TYPE: 'extranet' })
  })

  it('generate 100k people with unique IDs', () => {
    const t = performance.now()
    const f = make(100_000)
    // how long it takes is the benchmark's business, not a pass/fail here
    console.log(`[fixtures] 100k people in ${(performance.now() - t).toFixed(0)} ms`)
    expect(f.users.length).toBe(100_006)
    expect(new Set(f.users.map((u) => u.ID)).size).toBe(100_006)
  })
})
