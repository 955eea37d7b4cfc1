// the page's styles come with the first download, so nothing is ever drawn unstyled
import './assets/css/main.css'
import { asked } from './start-early'
import { warmUpIntl } from './domain/view/locale'
import { showAppLoadFailure } from './app-load-failure'

// The portal is answering the handshake start-early.ts sent (the answer took longer than this in the traces of
// test/bench/trace-open.ts): meanwhile the browser loads its locale data, which the directory needs before its
// first row (the order of names, the count).
warmUpIntl()

// The app (Vue, the UI kit, the views) is a chunk of its own, evaluated once the session's first requests have
// left: its evaluation is one long task, and a portal answer arriving during it would wait for its end. The
// chunk downloads meanwhile (a modulepreload link in index.html). A portal slow to answer the handshake, or a
// browser slow to say whether it keeps the app's database, holds the app back this long at most.
const SLOW_START_MS = 150
void Promise.race([asked, new Promise((resolve) => setTimeout(resolve, SLOW_START_MS))])
  .then(() => import('./mount-app'))
  .catch((error: unknown) => {
    console.error('[app] the app could not be loaded', error)
    const root = document.getElementById('app')
    // Bitrix24 opens the app with its language in the address (LANG), as well as in the init data
    // (reference/portal-protocol.md: the form's action carries DOMAIN, PROTOCOL, LANG and APP_SID)
    const lang = new URLSearchParams(window.location.search).get('LANG')?.toLowerCase() ?? 'en'
    if (root) showAppLoadFailure(root, lang)
  })
