export default {
  notKept: 'This browser keeps nothing for apps inside Bitrix24, so each visit loads the directory afresh.',
  ask: 'Keep it on this device',
  refused: 'The browser did not allow it: its third-party cookie settings decide this.',
  kept: 'The directory is kept on this device from now on.',
}
