export default {
  copy: 'Link kopieren',
  copied: 'Link kopiert',
  tooLong: 'Diese Ansicht ist zu umfangreich für einen Link. Entfernen Sie einige Filter und versuchen Sie es erneut.',
  unreadableTitle: 'Dieser Link lässt sich nicht öffnen',
  unreadableBody: 'Er ist beschädigt oder wurde für eine andere Version der App erstellt, daher öffnet sich die App wie gewohnt.',
  partialTitle: 'Ein Teil dieses Links ließ sich nicht verwenden',
  partialBody: 'Einige Suchbegriffe, Filter oder Einstellungen darin gelten nicht mehr, daher kann diese Ansicht von der geteilten abweichen.',
}
