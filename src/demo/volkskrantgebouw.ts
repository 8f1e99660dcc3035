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

const SPACES_PER_FLOOR = 40;

/** About 1,250 m² per floor in studios of 20 to 44 m²; the ground floor has the café and an event hall. */
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
        const areaM2 = 20 + ((number * 7 + level * 3) % 7) * 4;
        spaces.push({ level, code, areaM2, use: number % 5 === 0 ? 'workshop' : 'studio', publicCounter: false });
      }
    }
  }
  return spaces;
}

const FIRST_NAMES = [
  'Anneke',
  'Bram',
  'Çağla',
  'Daan',
  'Eva',
  'Fatima',
  'Gijs',
  'Hanna',
  'Iwan',
  'Jasmijn',
  'Kerem',
  'Lotte',
  'Łukasz',
  'Mila',
  'Noah',
  'Olga',
  'Pieter',
  'Quinty',
  'Rosa',
  'Şebnem',
  'Thijs',
  'Ugo',
  'Vera',
  'Willem',
  'Xiomara',
  'Yusuf',
  'Zoë',
  'Ágnes',
  'Bálint',
  'Chloé',
];
const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Yılmaz',
  'Visser',
  'Smit',
  'Kowalski',
  'El Amrani',
  'Meijer',
  'de Boer',
  'Szabó',
  'Mulder',
  'Dijkstra',
  'Öztürk',
  'Bos',
  'Vos',
  'Nagy',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'Wójcik',
  'Kovács',
  'Nguyen',
  'Verhoeven',
  'Ramdin',
  'Sánchez',
  'Petőfi',
  'Kaya',
];
const DISCIPLINES = [
  'beeldende kunst',
  'design',
  'mode',
  'dans',
  'muziek',
  'fotografie',
  'film',
  'ICT',
  'architectuur',
  'sociale onderneming',
  'theater',
  'grafisch ontwerp',
];
/** Postcodes 1091–1098 are Amsterdam-Oost, the neighbourhood of the building. */
const POSTCODES = [
  '1091 GR',
  '1092 AB',
  '1093 KX',
  '1094 PL',
  '1095 MC',
  '1096 AZ',
  '1097 HT',
  '1098 XH',
  '1012 AB',
  '1013 CD',
  '1052 EF',
  '1071 GH',
  '1017 JK',
  '2011 LM',
  '3511 NP',
];

export interface DemoLease {
  spaceCode: string;
  tenant: { name: string; email: string; discipline: string; postcode: string };
  /** Taxable income per basis year, used once to choose the band and then dropped, as in production. */
  incomes: { basisYear: number; incomeCents: number }[];
  startDate: string;
  endDate: string | null;
  serviceChargeMonthlyCents: number;
}

/**
 * About 300 makers, each renting one space from 2008 to just before the head lease ends; about one
 * space in twenty stays vacant. Incomes spread the makers over the three bands (about half in A).
 */
export function demoLeases(): DemoLease[] {
  const leases: DemoLease[] = [];
  demoSpaces().forEach((space, index) => {
    if (space.use === 'event' || index % 20 === 7) return;
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(index * 7) % LAST_NAMES.length]!;
    const band = index % 20 < 10 ? 'A' : index % 20 < 17 ? 'B' : 'C';
    const incomeCents =
      band === 'A'
        ? 1_400_000 + (index % 9) * 100_000
        : band === 'B'
          ? 2_700_000 + (index % 10) * 100_000
          : 4_200_000 + (index % 5) * 500_000;
    leases.push({
      spaceCode: space.code,
      tenant: {
        name: `${first} ${last}`,
        email: `maker${String(index + 1).padStart(3, '0')}@demo.example`,
        discipline: space.use === 'horeca' ? 'horeca' : DISCIPLINES[index % DISCIPLINES.length]!,
        postcode: POSTCODES[index % POSTCODES.length]!,
      },
      incomes: [2007, 2009, 2011].map((basisYear) => ({ basisYear, incomeCents })),
      startDate: '2008-01-01',
      // The café lease falls under art. 7:290 BW and runs on after the head lease.
      endDate: space.publicCounter ? null : '2013-06-30',
      serviceChargeMonthlyCents: Math.round(space.areaM2 * 150),
    });
  });
  return leases;
}

/** The 2007 call: eight groups won a floor each, four wait for one. */
export const DEMO_ROUND = { name: 'Volkskrantgebouw 2007', opensOn: '2007-02-01', closesOn: '2007-03-31' };

export interface DemoGroup {
  name: string;
  plan: string;
  /** The floor the group won; null for a waitlisted group (which wants `wants`). */
  level: number | null;
  wants: number[];
  /** The selection committee's score, 1–10. */
  score: number;
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'Wibaut Buurtplein',
    plan: 'Café-restaurant, zalen voor de buurt, spreekuren en cursussen.',
    level: 0,
    wants: [0],
    score: 8,
  },
  {
    name: 'Oostblok',
    plan: 'Zestig makers uit Amsterdam-Oost: ateliers die openstaan voor de buurt.',
    level: 1,
    wants: [1, 6],
    score: 9,
  },
  { name: 'Design Collectief', plan: 'Een designverdieping met gedeelde werkplaats en showroom.', level: 2, wants: [2, 5], score: 8 },
  {
    name: 'Modehuis Wibaut',
    plan: 'Modeontwerpers met een gezamenlijk naaiatelier en pop-upwinkel.',
    level: 3,
    wants: [3],
    score: 7,
  },
  {
    name: 'Hiphop & Dans',
    plan: 'Studio’s voor dans en hiphop, met lessen voor jongeren uit de buurt.',
    level: 4,
    wants: [4],
    score: 7,
  },
  { name: 'Digitale Pioniers', plan: 'ICT-starters en nieuwe media, met een open lab.', level: 5, wants: [5, 2], score: 7 },
  { name: 'Ateliers Beeldend', plan: 'Beeldend kunstenaars met open ateliers op zondag.', level: 6, wants: [6, 1], score: 6 },
  {
    name: 'Sociaal Ondernemen',
    plan: 'Sociale ondernemingen die werk maken voor mensen uit de buurt.',
    level: 7,
    wants: [7],
    score: 6,
  },
  { name: 'Klankkast', plan: 'Muzikanten met geluidsdichte oefenruimtes.', level: null, wants: [4, 7], score: 6 },
  { name: 'Fotofabriek', plan: 'Fotografen met een gedeelde doka en studio.', level: null, wants: [6], score: 5 },
  {
    name: 'Theater Oost',
    plan: 'Een kleine theaterwerkplaats met voorstellingen voor de buurt.',
    level: null,
    wants: [0, 4],
    score: 5,
  },
  {
    name: 'Print & Pers',
    plan: 'Drukkers en uitgevers met een risograaf en zeefdrukwerkplaats.',
    level: null,
    wants: [2, 3],
    score: 4,
  },
];

/** Invoiced before the sale, so the handover dossier shows what fell due with the old owner. */
export const DEMO_INVOICE_PERIODS = ['2011-10', '2011-11'];

/** Rent from the umbrella roughly equals the interest on the owner's loan (€450,000 a year each). */
export const DEMO_FINANCE = {
  headLeaseRentYearCents: 45_000_000,
  loanPrincipalCents: 1_000_000_000,
  interestRateBps: 450,
  investments: [
    { party: 'owner' as const, description: 'Installaties', amountCents: 20_000_000, date: '2007-05-01' },
    { party: 'municipality' as const, description: 'Installaties', amountCents: 30_000_000, date: '2007-05-15' },
    { party: 'municipality' as const, description: 'Brandveiligheid', amountCents: 6_500_000, date: '2007-05-15' },
  ],
};

/** End 2011 Stadgenoot sold the building to Magnificent 8, a hotel for two thirds; the top third stays a broedplaats. */
export const DEMO_SALE = { transferDate: '2011-12-01', noticeDate: '2011-09-01', retainedLevels: [5, 6, 7] };

/** Sign-in accounts of the embedded demo (never created with DATABASE_URL). */
export const DEMO_USERS = [
  {
    email: 'owner@example.org',
    name: 'Stadgenoot asset management',
    role: 'owner' as const,
    organisation: 'owner' as const,
    tenantEmail: null,
  },
  {
    email: 'buyer@example.org',
    name: 'Magnificent 8 asset management',
    role: 'owner' as const,
    organisation: 'buyer' as const,
    tenantEmail: null,
  },
  {
    email: 'monitor@example.org',
    name: 'Bureau Broedplaatsen',
    role: 'municipality' as const,
    organisation: 'municipality' as const,
    tenantEmail: null,
  },
  // A maker on the fifth floor, which stayed a broedplaats after the sale.
  { email: 'tenant@example.org', name: 'Thijs Dekker', role: 'tenant' as const, organisation: null, tenantEmail: 'maker201@demo.example' },
];
