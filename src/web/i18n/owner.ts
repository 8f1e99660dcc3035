/** The owner's portal: its messages in Dutch and in English, the same keys in both (the compiler checks). */
export const OWNER_NL = {
  'owner.nav.buildings': 'Mijn gebouwen',
  'owner.nav.finance': 'Huur en rente',
  'owner.nav.handovers': 'Overdrachten',
  'owner.nav.reports': 'Rapporten',
} as const satisfies Record<string, string>;

export const OWNER_EN: Record<keyof typeof OWNER_NL, string> = {
  'owner.nav.buildings': 'My buildings',
  'owner.nav.finance': 'Rent and interest',
  'owner.nav.handovers': 'Handovers',
  'owner.nav.reports': 'Reports',
};
