/** What each kind of failure means to the viewer, and what they or their administrator can do. */
export default {
  code: 'Bitrix24 answered {code}.',
  busy: {
    title: 'Bitrix24 is busy right now',
    action: 'The portal limits how many requests an app may send. Wait a moment and try again; what is loaded stays.',
  },
  overload: {
    title: 'Bitrix24 has paused the REST API',
    action: 'The portal is overloaded. Try again in a few minutes.',
  },
  server: {
    title: 'Bitrix24 could not answer',
    action: 'Something went wrong on the portal. Try again; if it keeps happening, tell your Bitrix24 administrator.',
  },
  network: {
    title: 'No connection to Bitrix24',
    action: 'Check your network connection, then try again.',
  },
  noAnswer: {
    title: 'Bitrix24 did not answer',
    action: 'Reload the page. If it keeps happening, ask your Bitrix24 administrator to check the application settings.',
  },
  session: {
    title: 'Your Bitrix24 session has ended',
    action: 'Reload the page to sign in to Bitrix24 again.',
  },
  credentials: {
    title: 'Bitrix24 did not accept the app\'s credentials',
    action: 'Ask your Bitrix24 administrator to reinstall the application.',
  },
  scope: {
    title: 'The app is missing a permission',
    action: 'A Bitrix24 administrator can add the missing scope (user_basic, department or placement) in the application settings.',
  },
  accessDenied: {
    title: 'Bitrix24 did not allow this',
    action: 'Your account may not do this. Ask your Bitrix24 administrator for access.',
  },
  userAccess: {
    title: 'The app is not available to you',
    action: 'Ask your Bitrix24 administrator to give you access to People Directory.',
  },
  portalDeleted: {
    title: 'This Bitrix24 portal no longer exists',
    action: 'Contact the portal\'s owner.',
  },
  manifest: {
    title: 'The app is not available on this portal',
    action: 'Ask your Bitrix24 administrator to check the application in the Market.',
  },
  https: {
    title: 'Bitrix24 refused an insecure connection',
    action: 'The app must be opened over HTTPS. Ask your Bitrix24 administrator to check the application address.',
  },
  methodNotFound: {
    title: 'This portal does not offer a method the app needs',
    action: 'The portal may be an older version. Tell your Bitrix24 administrator.',
  },
  defect: {
    title: 'The app sent a request Bitrix24 did not understand',
    action: 'Please report this to the app\'s developers with the code below.',
  },
}
