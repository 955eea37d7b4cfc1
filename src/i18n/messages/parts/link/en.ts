export default {
  copy: 'Copy link',
  copied: 'Link copied',
  tooLong: 'This view is too large to share as a link. Remove some filters and try again.',
  unreadableTitle: 'This link could not be opened',
  unreadableBody: 'It is damaged or was made for another version of the app, so the app opens as usual.',
  partialTitle: 'Part of this link could not be used',
  partialBody: 'Some of its search, filters or settings are no longer valid, so this view may differ from the one that was shared.',
}
