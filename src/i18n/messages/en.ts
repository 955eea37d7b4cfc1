import start from './en-start'
import views from './en-views'

/** Every English string of the app but the admin views': the set each other language translates whole. */
export default { ...start, ...views }
