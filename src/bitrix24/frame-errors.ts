/** Why the app could not start inside a Bitrix24 portal. Each reason has its own screen. */
export type FrameProblem =
  /** opened as a top-level page or without the portal's window.name: show what the app is and how to install it */
  | 'outside-portal'
  /** the portal page never answered getInitData (the SDK itself would wait forever) */
  | 'no-answer'
  /** the SDK rejected the start for another reason */
  | 'failed'

export class FrameStartError extends Error {
  constructor(
    readonly problem: FrameProblem,
    message: string,
  ) {
    super(message)
    this.name = 'FrameStartError'
  }
}
