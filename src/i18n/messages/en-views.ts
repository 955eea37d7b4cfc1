import org from './parts/org/en'
import install from './parts/install/en'
import outside from './parts/outside/en'
import person from './parts/person/en'

/**
 * The English of the views that load on demand (the structure, the installer, the page outside a portal, the
 * person card and the profile placements): it loads with them, so the app's first download carries none of it (src/i18n/index.ts, loadViewMessages).
 */
export default { org, install, outside, person }
