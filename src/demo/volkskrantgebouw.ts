/**
 * The Volkskrantgebouw (Amsterdam, 2007–2013) as a data set: who is involved, the building and its
 * floors of studios. Plain data, so tests and benchmarks can build on the same figures.
 */
export const DEMO_ORGANISATIONS = {
  umbrella: {
    name: 'Stichting Urban Resort',
    kind: 'umbrella' as const,
    city: 'Amsterdam',
    address: 'Wibautstraat 150, 1091 GR Amsterdam',
    kvkNumber: '34263538',
    vatNumber: 'NL815763436B01',
    iban: 'NL91ABNA0417164300',
  },
  owner: {
    name: 'Stadgenoot',
    kind: 'owner' as const,
    city: 'Amsterdam',
    address: 'Sarphatistraat 370, 1018 GW Amsterdam',
    kvkNumber: '33067589',
  },
  buyer: {
    name: 'Magnificent 8',
    kind: 'owner' as const,
    city: 'Amsterdam',
    address: 'Wibautstraat 150, 1091 GR Amsterdam',
    kvkNumber: '53129520',
  },
  municipality: {
    name: 'Bureau Broedplaatsen',
    kind: 'municipality' as const,
    city: 'Amsterdam',
    address: 'Jodenbreestraat 25, 1011 NH Amsterdam',
  },
};

export const DEMO_BUILDING = {
  name: 'Volkskrantgebouw',
  address: 'Wibautstraat 150, 1091 GR',
  city: 'Amsterdam',
  kind: 'temporary' as const,
  useStart: '2007-06-01',
  useEnd: '2013-07-01',
  invoicePrefix: 'VKG',
};

export const DEMO_FLOORS = [
  { level: 0, name: 'Begane grond', theme: 'café-restaurant, zalen en buurtfuncties' },
  { level: 1, name: 'Eerste verdieping', theme: 'Oostblok: makers uit de buurt' },
  { level: 2, name: 'Tweede verdieping', theme: 'design' },
  { level: 3, name: 'Derde verdieping', theme: 'mode' },
  { level: 4, name: 'Vierde verdieping', theme: 'dans en hiphop' },
  { level: 5, name: 'Vijfde verdieping', theme: 'ICT en nieuwe media' },
  { level: 6, name: 'Zesde verdieping', theme: 'beeldende kunst' },
  { level: 7, name: 'Zevende verdieping', theme: 'sociale ondernemingen' },
];

export interface DemoSpace {
  level: number;
  code: string;
  areaM2: number;
  use: 'studio' | 'office' | 'workshop' | 'shared' | 'event' | 'horeca';
  publicCounter: boolean;
}

const SPACES_PER_FLOOR = 32;

/** About 1,280 m² per floor in studios of 23 to 55 m²; the ground floor has the café and an event hall. */
export function demoSpaces(): DemoSpace[] {
  const spaces: DemoSpace[] = [];
  for (const { level } of DEMO_FLOORS) {
    for (let number = 1; number <= SPACES_PER_FLOOR; number++) {
      const code = `${level}.${String(number).padStart(2, '0')}`;
      if (level === 0 && number === 1) {
        spaces.push({ level, code, areaM2: 180, use: 'horeca', publicCounter: true });
      } else if (level === 0 && number === 2) {
        spaces.push({ level, code, areaM2: 140, use: 'event', publicCounter: false });
      } else {
        const areaM2 = 23 + ((number * 7 + level * 3) % 9) * 4;
        spaces.push({ level, code, areaM2, use: number % 5 === 0 ? 'workshop' : 'studio', publicCounter: false });
      }
    }
  }
  return spaces;
}

/** Sign-in accounts of the embedded demo (never created with DATABASE_URL). */
export const DEMO_USERS = [
  { email: 'owner@example.org', name: 'Stadgenoot asset management', role: 'owner' as const, organisation: 'owner' as const },
  { email: 'buyer@example.org', name: 'Magnificent 8 asset management', role: 'owner' as const, organisation: 'buyer' as const },
  { email: 'monitor@example.org', name: 'Bureau Broedplaatsen', role: 'municipality' as const, organisation: 'municipality' as const },
  { email: 'tenant@example.org', name: 'Anneke de Vries', role: 'tenant' as const, organisation: null },
];
