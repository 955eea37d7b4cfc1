/** Strings of the installer (src/views/InstallView.vue). */
export default {
  title: 'Installing People Directory',
  lead: 'People Directory adds itself to every person\'s profile and to each person\'s own profile menu.',
  steps: {
    admin: 'Checking that you are a Bitrix24 administrator',
    USER_PROFILE_TOOLBAR: 'Adding People Directory to profiles',
    USER_PROFILE_MENU: 'Adding People Directory to the profile menu',
    finish: 'Finishing the installation',
  },
  state: {
    waiting: 'Waiting',
    running: 'In progress…',
    done: 'Done',
    already: 'Already in place',
    failed: 'Failed',
  },
  advice: {
    admin: 'Only a Bitrix24 administrator can install applications. Ask an administrator to open the app once to finish the installation.',
    scope: 'The application has no placement scope. Add "placement" (and user_basic, department) to its scopes in the application settings, then open it again.',
    handler: 'The portal refused the address of the app ({code}). The app must be served from a public HTTPS address with a domain name.',
    retry: 'Bitrix24 answered {code}. Try again; nothing that is already done will be done twice.',
  },
  retry: 'Try again',
}
