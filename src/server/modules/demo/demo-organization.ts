import { personCsvColumns } from "#core/people-import.schemas.ts";
import { writeCsv } from "#server/shared/csv.ts";

/**
 * The demo company: fixed people and reporting lines in five divisions (Sales holds a Revenue
 * Strategy, Operations and Enablement department, as in the RSOE handbook page); locations and
 * hire dates come from a seeded generator, so the same reference date gives the same company.
 */

export const demoEmailDomain = "northwind.example";
export const demoPassword = "northwind-demo-2026";

/** Demo accounts with the admin role (People / L&D). */
export const demoAdminEmails = [`hannah.okafor@${demoEmailDomain}`];

type DemoPersonSpec = {
  key: string;
  name: string;
  preferredName?: string;
  title: string;
  division: string | null;
  department: string;
  team: string | null;
  manager: string | null;
};

const locations = [
  { location: "San Francisco", timeZone: "America/Los_Angeles" },
  { location: "New York", timeZone: "America/New_York" },
  { location: "Toronto", timeZone: "America/Toronto" },
  { location: "London", timeZone: "Europe/London" },
  { location: "Berlin", timeZone: "Europe/Berlin" },
  { location: "Lagos", timeZone: "Africa/Lagos" },
  { location: "Bengaluru", timeZone: "Asia/Kolkata" },
  { location: "Sydney", timeZone: "Australia/Sydney" },
] as const;

const rsoe = "Revenue Strategy, Operations and Enablement";

// biome-ignore format: one person per line reads as an org table
const people: DemoPersonSpec[] = [
  { key: "jordan.reyes", name: "Jordan Reyes", title: "Chief Executive Officer", division: null, department: "Executive", team: null, manager: null },

  { key: "mei.chen", name: "Mei Chen", title: "VP of Engineering", division: "Engineering", department: "Engineering Leadership", team: null, manager: "jordan.reyes" },
  { key: "tomas.alvarez", name: "Tomás Álvarez", preferredName: "Tom", title: "Engineering Manager", division: "Engineering", department: "Platform", team: "Platform", manager: "mei.chen" },
  { key: "ngozi.eze", name: "Ngozi Eze", title: "Staff Software Engineer", division: "Engineering", department: "Platform", team: "Platform", manager: "tomas.alvarez" },
  { key: "lukas.schmidt", name: "Lukas Schmidt", title: "Senior Software Engineer", division: "Engineering", department: "Platform", team: "Platform", manager: "tomas.alvarez" },
  { key: "ana.costa", name: "Ana Costa", title: "Software Engineer", division: "Engineering", department: "Platform", team: "Platform", manager: "tomas.alvarez" },
  { key: "ravi.iyer", name: "Ravi Iyer", title: "Site Reliability Engineer", division: "Engineering", department: "Platform", team: "Infrastructure", manager: "tomas.alvarez" },
  { key: "aisha.bello", name: "Aisha Bello", title: "Engineering Manager", division: "Engineering", department: "Product Engineering", team: "Web", manager: "mei.chen" },
  { key: "sam.oconnor", name: "Samuel O'Connor", preferredName: "Sam", title: "Senior Software Engineer", division: "Engineering", department: "Product Engineering", team: "Web", manager: "aisha.bello" },
  { key: "yuki.tanaka", name: "Yuki Tanaka", title: "Software Engineer", division: "Engineering", department: "Product Engineering", team: "Web", manager: "aisha.bello" },
  { key: "fatima.zahra", name: "Fatima Zahra", title: "Software Engineer", division: "Engineering", department: "Product Engineering", team: "Mobile", manager: "aisha.bello" },
  { key: "joao.pereira", name: "João Pereira", title: "Software Engineer", division: "Engineering", department: "Platform", team: "Infrastructure", manager: "tomas.alvarez" },
  { key: "priyanka.das", name: "Priyanka Das", title: "Quality Engineer", division: "Engineering", department: "Product Engineering", team: "Web", manager: "aisha.bello" },
  { key: "diego.morales", name: "Diego Morales", title: "Associate Software Engineer", division: "Engineering", department: "Product Engineering", team: "Mobile", manager: "aisha.bello" },
  { key: "olga.petrova", name: "Olga Petrova", title: "Engineering Manager", division: "Engineering", department: "Data", team: "Data Platform", manager: "mei.chen" },
  { key: "kofi.boateng", name: "Kofi Boateng", title: "Data Engineer", division: "Engineering", department: "Data", team: "Data Platform", manager: "olga.petrova" },
  { key: "isabel.garcia", name: "Isabel García", title: "Analytics Engineer", division: "Engineering", department: "Data", team: "Data Platform", manager: "olga.petrova" },

  { key: "lars.nilsson", name: "Lars Nilsson", title: "VP of Product", division: "Product", department: "Product Management", team: null, manager: "jordan.reyes" },
  { key: "emma.dubois", name: "Emma Dubois", title: "Group Product Manager", division: "Product", department: "Product Management", team: "Core Product", manager: "lars.nilsson" },
  { key: "arjun.mehta", name: "Arjun Mehta", title: "Senior Product Manager", division: "Product", department: "Product Management", team: "Core Product", manager: "emma.dubois" },
  { key: "chloe.martin", name: "Chloé Martin", title: "Product Manager", division: "Product", department: "Product Management", team: "Growth", manager: "emma.dubois" },
  { key: "noah.williams", name: "Noah Williams", title: "Design Manager", division: "Product", department: "Design", team: "Product Design", manager: "lars.nilsson" },
  { key: "leila.haddad", name: "Leila Haddad", title: "Senior Product Designer", division: "Product", department: "Design", team: "Product Design", manager: "noah.williams" },
  { key: "ben.carter", name: "Benjamin Carter", preferredName: "Ben", title: "UX Researcher", division: "Product", department: "Design", team: "Research", manager: "noah.williams" },

  { key: "grace.mensah", name: "Grace Mensah", title: "Chief Revenue Officer", division: "Sales", department: "Sales Leadership", team: null, manager: "jordan.reyes" },
  { key: "daniel.park", name: "Daniel Park", title: "Director of Sales", division: "Sales", department: "Field Sales", team: null, manager: "grace.mensah" },
  { key: "olivia.brown", name: "Olivia Brown", title: "Enterprise Account Executive", division: "Sales", department: "Field Sales", team: "Enterprise", manager: "daniel.park" },
  { key: "mateo.rossi", name: "Mateo Rossi", title: "Enterprise Account Executive", division: "Sales", department: "Field Sales", team: "Enterprise", manager: "daniel.park" },
  { key: "hana.kim", name: "Hana Kim", title: "Commercial Account Executive", division: "Sales", department: "Field Sales", team: "Commercial", manager: "daniel.park" },
  { key: "jamal.wright", name: "Jamal Wright", title: "Sales Development Representative", division: "Sales", department: "Field Sales", team: "Commercial", manager: "daniel.park" },
  { key: "zoe.adams", name: "Zoe Adams", title: "Solutions Architect", division: "Sales", department: "Field Sales", team: "Solutions", manager: "daniel.park" },
  { key: "priya.raman", name: "Priya Raman", title: "Senior Director, Revenue Strategy, Operations and Enablement", division: "Sales", department: rsoe, team: null, manager: "grace.mensah" },
  { key: "marcus.lee", name: "Marcus Lee", title: "Sales Operations Manager", division: "Sales", department: rsoe, team: "Sales Operations", manager: "priya.raman" },
  { key: "sofia.nowak", name: "Sofia Nowak", title: "Senior Sales Operations Analyst", division: "Sales", department: rsoe, team: "Sales Operations", manager: "marcus.lee" },
  { key: "ethan.clarke", name: "Ethan Clarke", title: "Sales Operations Analyst", division: "Sales", department: rsoe, team: "Sales Operations", manager: "marcus.lee" },
  { key: "kevin.obrien", name: "Kevin O'Brien", title: "Sales Operations Analyst", division: "Sales", department: rsoe, team: "Sales Operations", manager: "marcus.lee" },
  { key: "amara.nwosu", name: "Amara Nwosu", title: "Deal Desk Specialist", division: "Sales", department: rsoe, team: "Deal Desk", manager: "marcus.lee" },
  { key: "julia.santos", name: "Júlia Santos", title: "Sales Enablement Manager", division: "Sales", department: rsoe, team: "Sales Enablement", manager: "priya.raman" },
  { key: "omar.farouk", name: "Omar Farouk", title: "Enablement Program Manager", division: "Sales", department: rsoe, team: "Sales Enablement", manager: "julia.santos" },
  { key: "claire.dupont", name: "Claire Dupont", title: "Sales Onboarding Specialist", division: "Sales", department: rsoe, team: "Sales Enablement", manager: "julia.santos" },
  { key: "victor.hughes", name: "Victor Hughes", title: "Revenue Strategy Manager", division: "Sales", department: rsoe, team: "Revenue Strategy", manager: "priya.raman" },
  { key: "lina.berg", name: "Lina Berg", title: "Strategy and Analytics Analyst", division: "Sales", department: rsoe, team: "Revenue Strategy", manager: "victor.hughes" },
  { key: "raj.patel", name: "Raj Patel", title: "Sales Systems Administrator", division: "Sales", department: rsoe, team: "Sales Systems", manager: "victor.hughes" },

  { key: "sofia.rossi", name: "Sofia Rossi", title: "VP of Marketing", division: "Marketing", department: "Marketing Leadership", team: null, manager: "jordan.reyes" },
  { key: "liam.murphy", name: "Liam Murphy", title: "Product Marketing Manager", division: "Marketing", department: "Product Marketing", team: "Product Marketing", manager: "sofia.rossi" },
  { key: "nadia.ali", name: "Nadia Ali", title: "Content Strategist", division: "Marketing", department: "Brand and Content", team: "Content", manager: "sofia.rossi" },
  { key: "pedro.silva", name: "Pedro Silva", title: "Demand Generation Manager", division: "Marketing", department: "Demand Generation", team: "Demand Generation", manager: "sofia.rossi" },
  { key: "ella.johansson", name: "Ella Johansson", title: "Marketing Operations Specialist", division: "Marketing", department: "Demand Generation", team: "Marketing Operations", manager: "pedro.silva" },
  { key: "tariq.hassan", name: "Tariq Hassan", title: "Events Manager", division: "Marketing", department: "Demand Generation", team: "Field Marketing", manager: "pedro.silva" },
  { key: "aaliyah.jones", name: "Aaliyah Jones", title: "Marketing Coordinator", division: "Marketing", department: "Demand Generation", team: "Field Marketing", manager: "pedro.silva" },
  { key: "maya.goldberg", name: "Maya Goldberg", title: "Graphic Designer", division: "Marketing", department: "Brand and Content", team: "Brand", manager: "nadia.ali" },

  { key: "kwame.asante", name: "Kwame Asante", title: "VP of People and Operations", division: "People and Operations", department: "People", team: null, manager: "jordan.reyes" },
  { key: "hannah.okafor", name: "Hannah Okafor", title: "Learning and Development Manager", division: "People and Operations", department: "People", team: "Learning and Development", manager: "kwame.asante" },
  { key: "felix.wagner", name: "Felix Wagner", title: "Learning Experience Designer", division: "People and Operations", department: "People", team: "Learning and Development", manager: "hannah.okafor" },
  { key: "rosa.jimenez", name: "Rosa Jiménez", title: "People Business Partner", division: "People and Operations", department: "People", team: "People Partners", manager: "kwame.asante" },
  { key: "george.baker", name: "George Baker", title: "Talent Acquisition Partner", division: "People and Operations", department: "People", team: "Talent Acquisition", manager: "kwame.asante" },
  { key: "irene.papadopoulos", name: "Irene Papadopoulos", title: "Finance Manager", division: "People and Operations", department: "Finance", team: "Finance", manager: "kwame.asante" },
  { key: "samir.khan", name: "Samir Khan", title: "Accountant", division: "People and Operations", department: "Finance", team: "Finance", manager: "irene.papadopoulos" },
  { key: "beatriz.lopes", name: "Beatriz Lopes", title: "IT Support Specialist", division: "People and Operations", department: "Workplace and IT", team: "IT", manager: "kwame.asante" },
  { key: "thomas.meyer", name: "Thomas Meyer", title: "Workplace Coordinator", division: "People and Operations", department: "Workplace and IT", team: "Workplace", manager: "kwame.asante" },
];

/** Mulberry32: a tiny seeded generator; enough for spreading demo data, never for secrets. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dayMs = 24 * 60 * 60 * 1000;
const fourYearsInDays = 4 * 365;

export type DemoPerson = {
  email: string;
  name: string;
  preferredName: string | null;
  jobTitle: string;
  division: string | null;
  department: string;
  team: string | null;
  managerEmail: string | null;
  hireDate: string;
  location: string;
  timeZone: string;
};

const emailOf = (key: string) => `${key}@${demoEmailDomain}`;

/**
 * The demo people for a reference date (YYYY-MM-DD): hire dates spread over the four years
 * before it, leaders hired earlier than their reports.
 */
export function generateDemoOrganization(referenceDate: string): DemoPerson[] {
  const random = seededRandom(20_261_123);
  const reference = Date.parse(`${referenceDate}T00:00:00.000Z`);
  const depthOf = new Map<string, number>();
  for (const person of people) {
    const managerDepth = person.manager ? (depthOf.get(person.manager) ?? 0) : -1;
    depthOf.set(person.key, managerDepth + 1);
  }
  return people.map((person) => {
    const depth = depthOf.get(person.key) ?? 0;
    // Leaders join in the first year of the four; everyone else at any time after.
    const earliest = depth <= 1 ? fourYearsInDays : fourYearsInDays - 365;
    const latest = depth <= 1 ? fourYearsInDays - 365 : 30;
    const daysAgo = Math.round(latest + random() * (earliest - latest));
    const place = locations[Math.floor(random() * locations.length)] ?? locations[0];
    return {
      email: emailOf(person.key),
      name: person.name,
      preferredName: person.preferredName ?? null,
      jobTitle: person.title,
      division: person.division,
      department: person.department,
      team: person.team,
      managerEmail: person.manager ? emailOf(person.manager) : null,
      hireDate: new Date(reference - daysAgo * dayMs).toISOString().slice(0, 10),
      location: person.key === "jordan.reyes" ? "San Francisco" : place.location,
      timeZone: person.key === "jordan.reyes" ? "America/Los_Angeles" : place.timeZone,
    };
  });
}

/** The demo company as a directory CSV: it is loaded through the import, like any file. */
export function demoOrganizationCsv(demoPeople: readonly DemoPerson[]): string {
  return writeCsv([
    personCsvColumns,
    ...demoPeople.map((person) => [
      person.email,
      person.name,
      person.preferredName,
      person.jobTitle,
      person.division,
      person.department,
      person.team,
      person.managerEmail,
      person.hireDate,
      person.location,
      person.timeZone,
    ]),
  ]);
}
