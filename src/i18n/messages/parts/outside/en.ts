/** Strings of the page shown when the app is opened outside a Bitrix24 portal (src/views/OutsidePortalView.vue). */
export default {
  title: 'People Directory for Bitrix24',
  lead: 'A fast, searchable directory of everyone in your Bitrix24 portal. It runs inside Bitrix24, so open it from your portal.',
  installTitle: 'How to install',
  step1: 'In your Bitrix24 portal, open Applications → Developer resources → Other → Local application.',
  step2: 'Choose "Static application" and upload the People Directory package, or enter the address of this page as the handler.',
  step3: 'Grant the scopes user_basic (or user_brief), department and placement, then save.',
  step4: 'Open People Directory from the left menu of your portal.',
}
