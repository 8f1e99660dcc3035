/** The city's portal (role municipality): its messages in Dutch and in English, the same keys in both (the compiler checks). */
export const CITY_NL = {
  'city.nav.monitor': 'Monitor',
  'city.nav.reports': 'Rapporten',
} as const satisfies Record<string, string>;

export const CITY_EN: Record<keyof typeof CITY_NL, string> = {
  'city.nav.monitor': 'Monitor',
  'city.nav.reports': 'Reports',
};
