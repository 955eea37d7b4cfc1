export default {
  title: 'Hier ist etwas schiefgelaufen',
  body: 'Bereits Geladenes geht nicht verloren. Versuchen Sie es erneut; wenn es wieder passiert, kopieren Sie die Details und senden Sie sie Ihrem Bitrix24-Administrator.',
  retry: 'Erneut versuchen',
  details: 'Details für den Support',
  copy: 'Details kopieren',
  copied: 'Kopiert',
}
