/**
 * An error nobody planned for (a defect, a browser that behaves unlike the others), as the viewer's "copy
 * details" block shows it: enough for support to find the cause, and never a token.
 */
export interface CrashReport {
  /** the error's own code (a Bitrix24 or SDK code, a DOMException name) or its class name */
  code: string
  /** where it happened: the view, and Vue's name for the hook that threw */
  where: string
  /** the app's version */
  version: string
  /** the message, then each cause's message (`error.cause`), outermost first */
  causes: string[]
  /** when it happened, ISO 8601 */
  at: string
}

/** how deep a chain of causes is followed: a cause that points back at itself must not hang the page */
const MAX_CAUSES = 5

/** Anything that looks like a credential in a message: AUTH_ID=…, "access_token": "…", a webhook's secret. */
const NAMED_SECRET = /\b(auth|auth_id|access_token|refresh_token|refresh_id|token|secret|password)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi
const WEBHOOK_SECRET = /(\/rest\/\d+\/)[^/\s]+/g

export function redactSecrets(text: string): string {
  return text.replace(NAMED_SECRET, '$1$2***').replace(WEBHOOK_SECRET, '$1***')
}

function codeOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, name } = error as { code?: unknown; name?: unknown }
    if (typeof code === 'string' && code) return code
    if (typeof name === 'string' && name) return name
  }
  return typeof error
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

export function describeUnexpected(error: unknown, where: string, version: string, now = new Date()): CrashReport {
  const causes: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < MAX_CAUSES && current !== undefined && current !== null; depth++) {
    causes.push(redactSecrets(messageOf(current)))
    current = current instanceof Error ? current.cause : undefined
  }
  return { code: codeOf(error), where, version, causes, at: now.toISOString() }
}

/** The report as plain text for the clipboard. */
export function crashDetailsText(report: CrashReport): string {
  return [
    `code: ${report.code}`,
    `where: ${report.where}`,
    `version: ${report.version}`,
    `time: ${report.at}`,
    ...report.causes.map((cause, i) => (i === 0 ? `error: ${cause}` : `caused by: ${cause}`)),
  ].join('\n')
}
