/** The maker's portal (role tenant): its messages in Dutch and in English, the same keys in both (the compiler checks). */
export const MAKER_NL = {
  'maker.nav.home': 'Mijn overzicht',
  'maker.nav.applications': 'Aanmeldingen',
  'maker.nav.space': 'Mijn ruimte',
  'maker.nav.invoices': 'Mijn facturen',
  'maker.nav.details': 'Mijn gegevens',
} as const satisfies Record<string, string>;

export const MAKER_EN: Record<keyof typeof MAKER_NL, string> = {
  'maker.nav.home': 'My overview',
  'maker.nav.applications': 'Applications',
  'maker.nav.space': 'My space',
  'maker.nav.invoices': 'My invoices',
  'maker.nav.details': 'My details',
};
