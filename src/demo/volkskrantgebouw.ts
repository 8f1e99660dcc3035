import { addDays, addMonths } from '../common/dates.js';

/**
 * The Volkskrantgebouw (Amsterdam, 2007–2013) as a data set: who is involved, the building and its
 * floors of studios. Plain data, so tests and benchmarks can build on the same figures. The story
 * is replayed relative to the day the demo is loaded (`demoTimeline`), keeping its spacing.
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
    bic: 'ABNANL2A',
    // Its incassant-ID (KvK number and suffix 0000), so mandates can be signed and rent collected.
    creditorIdentifier: 'NL05ZZZ342635380000',
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
const STREETS = [
  'Wibautstraat',
  'Linnaeusstraat',
  'Eerste van Swindenstraat',
  'Dapperstraat',
  'Javastraat',
  'Czaar Peterstraat',
  'Ringdijk',
  'Kruislaan',
];
const BANKS = ['ABNA', 'INGB', 'RABO', 'TRIO', 'ASNB'];

/** The city of the demo's postcodes: Amsterdam, and the few makers from Haarlem and Utrecht. */
function cityOfPostcode(postcode: string): string {
  if (postcode.startsWith('20')) return 'Haarlem';
  if (postcode.startsWith('35')) return 'Utrecht';
  return 'Amsterdam';
}

/** A Dutch IBAN of a bank code and a ten-digit account number, its check digits by ISO 7064 mod 97-10. */
export function dutchIban(bank: string, account: string): string {
  const digits = [...`${bank}${account}NL00`]
    .map((character) => (/\d/.test(character) ? character : String(character.charCodeAt(0) - 55)))
    .join('');
  const remainder = [...digits].reduce((rest, digit) => (rest * 10 + Number(digit)) % 97, 0);
  return `NL${String(98 - remainder).padStart(2, '0')}${bank}${account}`;
}

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

/**
 * The dates of the story, relative to the day the demo is loaded. M is the first day of that
 * month; the original story's M is February 2012. The building is in use for six years (M−56
 * months to M+17), today in its fifth; the round of twelve groups four to five years back; the
 * notices of the sale five months back and the sale itself two; the last three months and this
 * one invoiced; a new round open today.
 */
export interface DemoTimeline {
  today: string;
  useStart: string;
  useEnd: string;
  /** The 2007-style round: open two months, allocated two weeks after it closed. */
  firstRound: { name: string; opensOn: string; closesOn: string; submittedFrom: string; allocatedOn: string };
  leaseStart: string;
  leaseEnd: string;
  /** The last day of the two groups that left the sixth and seventh floors at the end of last month. */
  upperFloorsLastDay: string;
  /** Their allocations end the day after. */
  upperFloorsReleasedOn: string;
  /** Income years of the three band assessments, each valid to the end of the next year. */
  basisYears: number[];
  investmentDates: { owner: string; municipality: string };
  noticeDate: string;
  transferDate: string;
  /** Issued on the first of each month. */
  invoicePeriods: string[];
  /** A new round on the two free floors: open three weeks ago, closing in three weeks. */
  openRound: { name: string; opensOn: string; closesOn: string; allocatedOn: string };
}

export function demoTimeline(today: string): DemoTimeline {
  const m = `${today.slice(0, 7)}-01`;
  const at = (months: number) => addMonths(m, months);
  const useStart = at(-56);
  const useEnd = at(17);
  const firstYear = Number(at(-60).slice(0, 4));
  const sevenDaysAgo = addDays(today, -7);
  return {
    today,
    useStart,
    useEnd,
    // The first call: eight groups won a floor each, four wait for one.
    firstRound: {
      name: `Volkskrantgebouw ${firstYear}`,
      opensOn: at(-60),
      closesOn: addDays(at(-58), -1),
      submittedFrom: at(-59),
      allocatedOn: addDays(at(-58), 14),
    },
    leaseStart: at(-49),
    leaseEnd: addDays(useEnd, -1),
    upperFloorsLastDay: addDays(m, -1),
    upperFloorsReleasedOn: m,
    basisYears: [firstYear, firstYear + 2, firstYear + 4],
    investmentDates: { owner: at(-57), municipality: addDays(useStart, -17) },
    noticeDate: at(-5),
    transferDate: at(-2),
    invoicePeriods: [-3, -2, -1, 0].map((months) => at(months).slice(0, 7)),
    openRound: {
      name: `Volkskrantgebouw ${today.slice(0, 4)}: zesde en zevende verdieping`,
      opensOn: addDays(today, -21),
      closesOn: addDays(today, 21),
      allocatedOn: sevenDaysAgo > m ? sevenDaysAgo : m,
    },
  };
}

/**
 * The n-th demo person: every first name meets every last name once (30 × 30 people), so no two
 * demo people share a name.
 */
export function demoPersonName(n: number): string {
  if (n >= FIRST_NAMES.length * LAST_NAMES.length) throw new RangeError(`only ${FIRST_NAMES.length * LAST_NAMES.length} demo names`);
  const first = n % FIRST_NAMES.length;
  const round = Math.floor(n / FIRST_NAMES.length);
  return `${FIRST_NAMES[first]!} ${LAST_NAMES[(round + first * 7) % LAST_NAMES.length]!}`;
}

/** The README's tenant account is the maker of space 5.01, on a floor that stayed a broedplaats. */
export const DEMO_TENANT_EMAIL = 'tenant@example.org';
const DEMO_TENANT_SPACE = '5.01';

/** Levels whose groups left at the end of last month; the new round offers them. */
export const DEMO_FREED_LEVELS = [6, 7];

export interface DemoPerson {
  name: string;
  email: string;
  discipline: string;
  postcode: string;
}

/** A maker's own address (with its postcode, so its invoices can be e-invoices) and, for some, its KvK number. */
export interface DemoParty {
  address: string;
  kvkNumber: string | null;
}

/** A maker's signed direct-debit mandate, for all its leases with the umbrella. */
export interface DemoMandate {
  iban: string;
  accountHolder: string;
  signedOn: string;
  signedPlace: string;
}

export interface DemoLease {
  spaceCode: string;
  tenant: DemoPerson;
  party: DemoParty;
  /** Two in three makers whose lease runs on after the sale pay by direct debit; the others by transfer. */
  mandate: DemoMandate | null;
  /** Taxable income per basis year, used once to choose the band and then dropped, as in production. */
  incomes: { basisYear: number; incomeCents: number }[];
  startDate: string;
  endDate: string | null;
  serviceChargeMonthlyCents: number;
}

/**
 * About 300 makers, each renting one space from the head lease's eighth month to just before it
 * ends (on the sixth and seventh floors to the end of last month); about one space in twenty
 * stays vacant. Incomes spread the makers over the three bands (about half in A).
 */
export function demoLeases(timeline: DemoTimeline): DemoLease[] {
  const leases: DemoLease[] = [];
  demoSpaces().forEach((space, index) => {
    if (space.use === 'event' || index % 20 === 7) return;
    const band = index % 20 < 10 ? 'A' : index % 20 < 17 ? 'B' : 'C';
    const incomeCents =
      band === 'A'
        ? 1_400_000 + (index % 9) * 100_000
        : band === 'B'
          ? 2_700_000 + (index % 10) * 100_000
          : 4_200_000 + (index % 5) * 500_000;
    const number = leases.length;
    const postcode = POSTCODES[index % POSTCODES.length]!;
    const endDate = space.publicCounter ? null : DEMO_FREED_LEVELS.includes(space.level) ? timeline.upperFloorsLastDay : timeline.leaseEnd;
    leases.push({
      spaceCode: space.code,
      party: {
        address: `${STREETS[index % STREETS.length]} ${1 + (index % 97)}, ${postcode} ${cityOfPostcode(postcode)}`,
        // Every third maker is a registered business: its invoices get an SI-UBL e-invoice.
        kvkNumber: number % 3 === 0 ? String(60_000_000 + number * 7_919).slice(0, 8) : null,
      },
      mandate:
        number % 3 !== 2 && stillRunsAfterTheSale(space)
          ? {
              iban: dutchIban(
                BANKS[number % BANKS.length]!,
                String(100_000_000 + number * 104_729)
                  .slice(-10)
                  .padStart(10, '0'),
              ),
              accountHolder: demoPersonName(number),
              signedOn: addDays(timeline.leaseStart, -14),
              signedPlace: 'Amsterdam',
            }
          : null,
      tenant: {
        name: demoPersonName(leases.length),
        email: space.code === DEMO_TENANT_SPACE ? DEMO_TENANT_EMAIL : `maker${String(index + 1).padStart(3, '0')}@demo.example`,
        discipline: space.use === 'horeca' ? 'horeca' : DISCIPLINES[index % DISCIPLINES.length]!,
        postcode: POSTCODES[index % POSTCODES.length]!,
      },
      incomes: timeline.basisYears.map((basisYear) => ({ basisYear, incomeCents })),
      startDate: timeline.leaseStart,
      // The café lease falls under art. 7:290 BW and runs on after the head lease.
      endDate,
      serviceChargeMonthlyCents: Math.round(space.areaM2 * 150),
    });
  });
  return leases;
}

/** A lease on a floor that stayed a broedplaats and is still let (the sixth and seventh left last month), or the café, which has its own notice. */
function stillRunsAfterTheSale(space: { level: number; publicCounter: boolean }): boolean {
  return space.publicCounter || (DEMO_SALE.retainedLevels.includes(space.level) && !DEMO_FREED_LEVELS.includes(space.level));
}

/** The let spaces in the order `demoLeases` numbers their makers; applicants who are not makers come after. */
const LET_SPACE_CODES = demoSpaces()
  .filter((space, index) => space.use !== 'event' && index % 20 !== 7)
  .map((space) => space.code);
const MAKER_COUNT = LET_SPACE_CODES.length;

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

/** An application of the round open today, in each state an application can be in. */
export interface DemoApplicant {
  name: string;
  plan: string;
  discipline: string;
  status: 'draft' | 'submitted' | 'waitlisted' | 'rejected' | 'withdrawn' | 'allocated';
  wants: number[];
  /** Null: not scored yet. */
  score: number | null;
  /** The floor it was given (allocated) or is offered (waitlisted, an open offer). */
  level?: number;
  /** The README's tenant account is among its members and speaks for it. */
  withDemoTenant?: boolean;
}

export const DEMO_APPLICANTS: DemoApplicant[] = [
  {
    name: 'Textiellab Oost',
    plan: 'Weefgetouwen, een verfkeuken en lessen voor de buurt.',
    discipline: 'mode',
    status: 'allocated',
    wants: [6],
    score: 9,
    level: 6,
  },
  {
    name: 'Geluidslab',
    plan: 'Opnamestudio’s en een oefenruimte die de buurt kan huren.',
    discipline: 'muziek',
    status: 'waitlisted',
    wants: [6, 7],
    score: 8,
    level: 7,
    withDemoTenant: true,
  },
  {
    name: 'Zeefdruk Collectief',
    plan: 'Een zeefdrukwerkplaats met open avonden.',
    discipline: 'grafisch ontwerp',
    status: 'waitlisted',
    wants: [7],
    score: 6,
  },
  {
    name: 'Animatiestudio Wibaut',
    plan: 'Animatoren en illustratoren met een gedeelde renderkamer.',
    discipline: 'film',
    status: 'submitted',
    wants: [7, 6],
    score: 7,
  },
  {
    name: 'Stadsimkers',
    plan: 'Bijenkasten op het dak en een honingwerkplaats.',
    discipline: 'sociale onderneming',
    status: 'submitted',
    wants: [7],
    score: null,
  },
  {
    name: 'Pop-up Galerie',
    plan: 'Een galerie die elke maand van kunstenaar wisselt.',
    discipline: 'beeldende kunst',
    status: 'rejected',
    wants: [6],
    score: 3,
  },
  {
    name: 'Boekbinderij',
    plan: 'Boekbinders en papierscheppers.',
    discipline: 'grafisch ontwerp',
    status: 'withdrawn',
    wants: [6],
    score: null,
  },
  {
    name: 'Keramiek Oost',
    plan: 'Draaischijven, ovens en een glazuurlab (nog in de maak).',
    discipline: 'design',
    status: 'draft',
    wants: [7],
    score: null,
  },
];

/**
 * The members of the groups that are not (all) makers of the building: three for each waitlisted
 * group of the first round and for each applicant of the open round, distinct people with
 * e-mail addresses of their own. The README's tenant joins the group marked `withDemoTenant`.
 */
export function demoApplicantMembers(leases: DemoLease[]): Map<string, (DemoPerson & { requestedAreaM2: number })[]> {
  const members = new Map<string, (DemoPerson & { requestedAreaM2: number })[]>();
  let next = MAKER_COUNT;
  const person = (discipline: string, index: number): DemoPerson & { requestedAreaM2: number } => {
    const number = next++;
    return {
      name: demoPersonName(number),
      email: `applicant${String(number + 1).padStart(3, '0')}@demo.example`,
      discipline,
      postcode: POSTCODES[number % POSTCODES.length]!,
      requestedAreaM2: 24 + index * 4,
    };
  };
  for (const group of DEMO_GROUPS.filter((g) => g.level === null)) {
    members.set(
      group.name,
      [0, 1, 2].map((index) => person(group.name === 'Fotofabriek' ? 'fotografie' : 'muziek', index)),
    );
  }
  const demoTenant = leases.find((lease) => lease.tenant.email === DEMO_TENANT_EMAIL)!;
  for (const applicant of DEMO_APPLICANTS) {
    const group = [0, 1, 2].map((index) => person(applicant.discipline, index));
    members.set(applicant.name, applicant.withDemoTenant ? [{ ...demoTenant.tenant, requestedAreaM2: 30 }, ...group] : group);
  }
  return members;
}

/** Rent from the umbrella roughly equals the interest on the owner's loan (€450,000 a year each). */
export function demoFinance(timeline: DemoTimeline) {
  return {
    headLeaseRentYearCents: 45_000_000,
    loanPrincipalCents: 1_000_000_000,
    interestRateBps: 450,
    investments: [
      { party: 'owner' as const, description: 'Installaties', amountCents: 20_000_000, date: timeline.investmentDates.owner },
      { party: 'municipality' as const, description: 'Installaties', amountCents: 30_000_000, date: timeline.investmentDates.municipality },
      {
        party: 'municipality' as const,
        description: 'Brandveiligheid',
        amountCents: 6_500_000,
        date: timeline.investmentDates.municipality,
      },
    ],
  };
}

/** Two months back Stadgenoot sold the building to Magnificent 8, a hotel for two thirds; the top third stays a broedplaats. */
export const DEMO_SALE = { retainedLevels: [5, 6, 7] };

/**
 * Who paid what: most pay on the fifth of the month; a fixed set of makers pay late (last
 * month's and this month's invoices still open, the one before paid weeks late), a few paid last
 * month's in part, and a third have not paid this month's yet.
 */
export function demoPayer(email: string): 'late' | 'partial' | 'prompt' {
  const number = Number(/\d+/.exec(email)?.[0] ?? 0);
  if (number % 13 === 7) return 'late';
  if (number % 10 === 1) return 'partial';
  return 'prompt';
}

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
  // A maker on the fifth floor, which stayed a broedplaats after the sale, who applies in the open round.
  {
    email: DEMO_TENANT_EMAIL,
    name: demoPersonName(LET_SPACE_CODES.indexOf(DEMO_TENANT_SPACE)),
    role: 'tenant' as const,
    organisation: null,
    tenantEmail: DEMO_TENANT_EMAIL,
  },
];

/**
 * The Volkskrantgebouw's four working groups, as the tenants ran the building: each with the kind of work its hours are, a
 * description of a typical shift and the hours of one (in quarters). The demo maker coordinates PR and communication.
 */
export const DEMO_WORKING_GROUPS = [
  { name: 'Bouw en onderhoud', kind: 'building', description: 'Klussen en reparaties in het gebouw', quarters: 12 },
  {
    name: 'PR en interne communicatie',
    kind: 'communication',
    description: 'Nieuwsbrief en website bijgewerkt',
    quarters: 6,
    coordinatedByDemoTenant: true,
  },
  { name: 'Beveiliging, entree en receptie', kind: 'security', description: 'Dienst bij de entree', quarters: 16 },
  { name: 'Opslag en logistiek', kind: 'logistics', description: 'Goederenlift en opslag op orde', quarters: 8 },
] as const;

/** A month of the public programme, repeated over the last year: title, kind, visitors, free or paid. */
export const DEMO_PROGRAMME = [
  { title: 'Expositie in de kantine', kind: 'exhibition', visitors: 240, free: true },
  { title: 'Workshop zeefdrukken', kind: 'workshop', visitors: 18, free: false },
  { title: 'Buurtmaaltijd met de Oostblokkers', kind: 'neighbourhood_activity', visitors: 65, free: true },
  { title: 'Dansvoorstelling op de derde', kind: 'performance', visitors: 120, free: false },
] as const;

/** Twice a year the whole building opens its studios. */
export const DEMO_OPEN_STUDIOS = { title: 'Open ateliers', kind: 'open_studios', visitors: 1800, free: true, monthsAgo: [2, 8] } as const;

export const DEMO_SUBSIDIES = [
  { monthsAgo: 10, source: 'Mondriaan Fonds', amountCents: 1_500_000, purpose: 'Tentoonstellingsprogramma' },
  { monthsAgo: 4, source: 'Stadsdeel Oost', amountCents: 750_000, purpose: 'Buurtactiviteiten' },
] as const;
