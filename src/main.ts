// the page's styles come with the first download, so nothing is ever drawn unstyled
import './assets/css/main.css'
import { asked } from './start-early'
import { connectFrame } from './bitrix24/frame'
import { warmUpIntl } from './domain/view/locale'
import { showAppLoadFailure } from './app-load-failure'

// The portal is answering the handshake start-early.ts sent: meanwhile the browser loads its locale data, which
// the directory needs before its first row (the order of names, the count).
warmUpIntl()

// The app (Vue, the UI kit, the views) is a chunk of its own, evaluated once the session's first requests have
// left: its evaluation is one long task, and a portal answer arriving during it would wait for its end. The
// chunk downloads meanwhile (a modulepreload link in index.html); a portal slow to answer the handshake holds
// the app back this long at most.
const SLOW_HANDSHAKE_MS = 150
void Promise.race([asked, new Promise((resolve) => setTimeout(resolve, SLOW_HANDSHAKE_MS))])
  .then(() => import('./mount-app'))
  .catch(async (error: unknown) => {
    console.error('[app] the app could not be loaded', error)
    const lang = await connectFrame().then((frame) => frame.lang, () => 'en')
    const root = document.getElementById('app')
    if (root) showAppLoadFailure(root, lang)
  })
