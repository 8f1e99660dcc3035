/** The pages to set a new password (asked for by mail, or from the welcome mail): Dutch and English, the same keys in both. */
export const MAIL_NL = {
  'signIn.forgot': 'Wachtwoord vergeten?',
  'passwordReset.title': 'Wachtwoord vergeten',
  'passwordReset.intro':
    'Vul je e-mailadres in. Hoort er een account bij, dan sturen we je een link om een nieuw wachtwoord in te stellen; de link werkt één keer, een uur lang.',
  'passwordReset.email': 'E-mailadres',
  'passwordReset.submit': 'Stuur de link',
  'passwordReset.sent': 'Hoort er een account bij dit adres, dan is de link onderweg. Kijk in je mail.',
  'passwordReset.confirmTitle': 'Nieuw wachtwoord instellen',
  'passwordReset.confirmIntro': 'Kies een wachtwoord van 12 tot 200 tekens, niet een van de bekendste.',
  'passwordReset.password': 'Nieuw wachtwoord',
  'passwordReset.confirmSubmit': 'Wachtwoord instellen',
  'passwordReset.done': 'Je wachtwoord is ingesteld; meld je ermee aan.',
  'passwordReset.askAgain': 'Vraag een nieuwe link aan',
} as const satisfies Record<string, string>;

export const MAIL_EN: Record<keyof typeof MAIL_NL, string> = {
  'signIn.forgot': 'Forgot your password?',
  'passwordReset.title': 'Forgot your password',
  'passwordReset.intro':
    'Enter your e-mail address. If it has an account, we send you a link to set a new password; the link works once, for one hour.',
  'passwordReset.email': 'E-mail address',
  'passwordReset.submit': 'Send the link',
  'passwordReset.sent': 'If this address has an account, the link is on its way. Look in your mail.',
  'passwordReset.confirmTitle': 'Set a new password',
  'passwordReset.confirmIntro': 'Choose a password of 12 to 200 characters, not one of the best known.',
  'passwordReset.password': 'New password',
  'passwordReset.confirmSubmit': 'Set the password',
  'passwordReset.done': 'Your password is set; sign in with it.',
  'passwordReset.askAgain': 'Ask for a new link',
};
