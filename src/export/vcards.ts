import type { Person } from '@/domain/people/person'
import { toVCard, type VCardExtras } from '@/domain/people/vcard'

/** Several contacts in one .vcf: Outlook, Apple and Google contacts import every card in the file. */
export function vCardsBlob(people: Person[], extrasFor: (person: Person) => VCardExtras): Blob {
  // each card already ends with CRLF, so plain concatenation keeps one card per BEGIN/END block
  const text = people.map((person) => toVCard(person, extrasFor(person))).join('')
  return new Blob([text], { type: 'text/vcard;charset=utf-8' })
}
