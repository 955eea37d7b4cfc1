import type { Person } from './person'
import { departmentPath, type DepartmentTree } from '@/domain/org/departments'

/** vCard 3.0 text escaping: backslash, comma, semicolon and line breaks. */
function escape(value: string): string {
  return value
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const bytes = encoder.encode(char).length
    if (size + bytes > (parts.length ? 74 : 75)) {
      parts.push(current)
      current = ''
      size = 0
    }
    current += char
    size += bytes
  }
  parts.push(current)
  return parts.join('\r\n ')
}

export interface VCardExtras {
  /** department names, nearest last, for ORG */
  departments?: string[]
  company?: string
}

/** ORG for a person: the top of the tree is the company; the department is the person's own one below it, if any. */
export function vCardExtrasFor(person: Person, tree: DepartmentTree): VCardExtras {
  const first = person.departmentIds.find((id) => tree.byId.has(id))
  const path = first === undefined ? [] : departmentPath(tree, first)
  return { departments: path.slice(1).slice(-1), company: path[0] }
}

/** A person's contact card as vCard 3.0 (opens in Outlook, Apple and Google contacts), with CRLF lines. */
export function toVCard(person: Person, extras: VCardExtras = {}): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${[person.lastName, person.firstName, person.secondName, '', ''].map(escape).join(';')}`,
    `FN:${escape(person.fullName)}`,
  ]
  const org = [extras.company ?? '', ...(extras.departments ?? [])].filter(Boolean)
  if (org.length) lines.push(`ORG:${org.map(escape).join(';')}`)
  if (person.position) lines.push(`TITLE:${escape(person.position)}`)
  if (person.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${escape(person.email)}`)
  if (person.workPhone) lines.push(`TEL;TYPE=WORK,VOICE:${escape(person.workPhone)}`)
  if (person.mobilePhone) lines.push(`TEL;TYPE=CELL:${escape(person.mobilePhone)}`)
  if (person.innerPhone) lines.push(`X-INTERNAL-PHONE:${escape(person.innerPhone)}`)
  if (person.city) lines.push(`ADR;TYPE=WORK:;;;${escape(person.city)};;;`)
  if (person.birthday) lines.push(`BDAY:${person.birthday}`)
  if (person.photo) lines.push(`PHOTO;VALUE=URI:${person.photo}`)
  lines.push('END:VCARD')
  return lines.map(fold).join('\r\n') + '\r\n'
}

/** A file name for the card: the person's name without characters file systems dislike. */
export function vCardFileName(person: Person): string {
  const base =
    person.fullName
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || `person-${person.id}`
  return `${base}.vcf`
}
