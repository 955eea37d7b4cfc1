export default {
  title: 'Something went wrong here',
  body: 'Nothing already loaded is lost. Try again; if it keeps happening, copy the details and send them to your Bitrix24 administrator.',
  retry: 'Try again',
  details: 'Details for support',
  copy: 'Copy details',
  copied: 'Copied',
}
