/**
 * A Bitrix24 incoming webhook address, as a person pastes it: https://<portal>/rest/<user id>/<secret>/
 * (with or without the last slash). Anything else is refused with a message that says what is expected.
 */
export function parseWebhook(text: string): string {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new Error('--webhook: expected https://<portal>/rest/<user id>/<secret>/')
  }
  const match = /^\/rest\/(\d+)\/([A-Za-z0-9]+)\/?$/.exec(url.pathname)
  if (!match || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error('--webhook: expected https://<portal>/rest/<user id>/<secret>/')
  }
  return `${url.origin}/rest/${match[1]}/${match[2]}/`
}
