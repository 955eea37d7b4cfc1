import { reloadAppPage } from './bitrix24/frame'

/**
 * Shows the notice for an app whose own chunk could not be loaded (a dropped connection while it downloaded),
 * with a Reload, instead of an empty frame. The notice is index.html's `<template id="app-load-failure">`, one
 * version per language the app is translated into (`data-lang`: a Bitrix24 language id); the portal's
 * language is picked, English otherwise. `root`'s content is replaced; nothing happens without the template.
 */
export function showAppLoadFailure(root: HTMLElement, lang: string, reload: () => void = reloadAppPage): void {
  const template = document.getElementById('app-load-failure')
  if (!(template instanceof HTMLTemplateElement)) return
  const versions = [...template.content.querySelectorAll<HTMLElement>('[data-lang]')]
  const version = versions.find((element) => element.dataset.lang === lang) ?? versions.find((element) => element.dataset.lang === 'en')
  if (!version) return
  const notice = version.cloneNode(true) as HTMLElement
  notice.querySelector('button')?.addEventListener('click', () => reload())
  root.replaceChildren(notice)
}

