/**
 * The deterministic "Northwind Labs" demo workspace, plus a generator that
 * pads it with many more people/companies/deals for load tests.
 */
import { seedComments } from './threads';
import { seedMeetings } from './meetings';
import {
  Actor, AttributeDef, EntryRow, ListDef, Member, NoteRow, ObjectDef, RecordRow, TaskRow, Values, Workspace, attioTimestamp,
} from './model';
import { Prng } from './prng';
import { buildLists, buildObjects } from './schema';
import { seedWebhooks } from './webhooks';
import * as v from './values';

const DAY = 24 * 60 * 60 * 1000;

export interface SeedOptions {
  seed: number;
  /** Server start time; every relative date (deadlines, created_at) hangs off it. */
  now: number;
  /** Total people+companies+deals wanted; the demo set is padded up to this. */
  records?: number;
  /** Workspace name and slug (default "Northwind Labs"); a second workspace on the same server uses another. */
  name?: string;
  slug?: string;
}

const MEMBERS: [string, string, Member['accessLevel']][] = [
  ['Maya', 'Chen', 'admin'],
  ['Jonas', 'Weber', 'admin'],
  ['Priya', 'Raman', 'member'],
  ['Diego', 'Alvarez', 'member'],
  ['Sofia', 'Rossi', 'member'],
  ['Tom', 'Becker', 'suspended'],
];

interface City extends v.Address {
  phonePrefix: string;
}

const CITIES: City[] = [
  { line1: '1 Market St', locality: 'San Francisco', region: 'CA', postcode: '94105', countryCode: 'US', latitude: '37.7936', longitude: '-122.3958', phonePrefix: '+1415' },
  { line1: '350 5th Ave', locality: 'New York', region: 'NY', postcode: '10118', countryCode: 'US', latitude: '40.7484', longitude: '-73.9857', phonePrefix: '+1212' },
  { line1: '10 Downing St', locality: 'London', region: null, postcode: 'SW1A 2AA', countryCode: 'GB', latitude: '51.5034', longitude: '-0.1276', phonePrefix: '+4420' },
  { line1: 'Unter den Linden 1', locality: 'Berlin', region: null, postcode: '10117', countryCode: 'DE', latitude: '52.5170', longitude: '13.3889', phonePrefix: '+4930' },
  { line1: 'Karl Johans gate 1', locality: 'Oslo', region: null, postcode: '0154', countryCode: 'NO', latitude: '59.9127', longitude: '10.7461', phonePrefix: '+4722' },
  { line1: '1 George St', locality: 'Sydney', region: 'NSW', postcode: '2000', countryCode: 'AU', latitude: '-33.8688', longitude: '151.2093', phonePrefix: '+612' },
  { line1: 'Rue de Rivoli 99', locality: 'Paris', region: null, postcode: '75001', countryCode: 'FR', latitude: '48.8606', longitude: '2.3376', phonePrefix: '+331' },
  { line1: 'Gran Via 28', locality: 'Madrid', region: null, postcode: '28013', countryCode: 'ES', latitude: '40.4203', longitude: '-3.7058', phonePrefix: '+3491' },
];

const COMPANIES: [string, string, string[]][] = [
  ['Acme Robotics', 'acmerobotics.com', ['Hardware', 'B2B']],
  ['Bluefin Analytics', 'bluefin.io', ['SaaS', 'B2B']],
  ['Cedar & Pine Logistics', 'cedarpine.com', ['Logistics']],
  ['Driftwood Studios', 'driftwood.studio', ['Media']],
  ['Everlane Health', 'everlanehealth.com', ['Health', 'B2C']],
  ['Fjord Capital', 'fjordcapital.no', ['Fintech']],
  ['Granite Systems', 'granitesys.com', ['SaaS']],
  ['Helios Energy', 'helios-energy.de', ['Energy']],
  ['Ironbark Security', 'ironbark.com.au', ['SaaS', 'B2B']],
  ['Juniper Foods', 'juniperfoods.co.uk', ['B2C']],
  ['Kestrel Aerospace', 'kestrel.aero', ['Hardware']],
  ['Lumen Labs', 'lumenlabs.ai', ['SaaS']],
  ['Meridian Bank', 'meridianbank.com', ['Fintech', 'B2C']],
  ['Nimbus Cloud', 'nimbuscloud.io', ['SaaS', 'B2B']],
  ['Orchard Retail', 'orchardretail.com', ['B2C']],
  ['Pioneer Mobility', 'pioneermobility.com', ['Hardware', 'B2C']],
  ['Quartz Legal', 'quartzlegal.com', ['B2B']],
  ['Redwood Media', 'redwoodmedia.com', ['Media']],
  ['Summit Learning', 'summitlearning.org', ['B2C']],
  ['Tidal Payments', 'tidalpay.com', ['Fintech', 'SaaS']],
  ['Umbra Games', 'umbragames.com', ['Media', 'B2C']],
  ['Vertex Manufacturing', 'vertexmfg.com', ['Hardware', 'B2B']],
  ['Willow Insurance', 'willowinsure.com', ['Fintech']],
  ['Xenon Biotech', 'xenonbio.com', ['Health']],
  ['Yellowtail Travel', 'yellowtail.travel', ['B2C']],
];

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Hedy', 'Tim', 'Radia', 'Edsger', 'Frances', 'John', 'Katherine', 'Claude', 'Shafi', 'Donald', 'Sophie', 'Guido', 'Anita', 'Bjarne', 'Lynn', 'James', 'Mary', 'Niklaus', 'Joan', 'Vint', 'Carol', 'Leslie'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Lamarr', 'Berners-Lee', 'Perlman', 'Dijkstra', 'Allen', 'McCarthy', 'Johnson', 'Shannon', 'Goldwasser', 'Knuth', 'Wilson', 'van Rossum', 'Borg', 'Stroustrup', 'Conway', 'Gosling', 'Jackson', 'Wirth', 'Clarke', 'Cerf', 'Shaw', 'Lamport'];
const JOB_TITLES = ['CEO', 'CTO', 'VP Engineering', 'Head of Sales', 'Procurement Lead', 'Product Manager', 'Data Scientist', 'Operations Director', 'CFO', 'Engineering Manager', 'Account Executive', 'Designer'];
const PRODUCTS = ['Platform licence', 'Enterprise expansion', 'Pilot', 'Annual renewal', 'Data add-on', 'Support upgrade', 'Onboarding package'];
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP'];
const INTERACTIONS = ['email', 'meeting', 'call', 'calendar-event'] as const;
const TASK_TEMPLATES = [
  'Follow up with {person} about the proposal',
  'Send pricing sheet to {company}',
  'Schedule a demo for {company}',
  'Prepare renewal deck for {company}',
  'Call {person} to check on onboarding',
  'Review contract redlines from {company}',
  'Intro {person} to our solutions engineer',
  'Update the forecast for {deal}',
  'Book on-site visit at {company}',
  'Share case study with {person}',
];

/** Mutable context threaded through the builders. */
class Builder {
  readonly ws: Workspace;
  readonly usedEmails = new Set<string>();
  private readonly objectBySlug = new Map<string, ObjectDef>();

  constructor(readonly rng: Prng, readonly now: number, ws: Workspace) {
    this.ws = ws;
    for (const o of ws.objects) this.objectBySlug.set(o.slug, o);
  }

  object(slug: string): ObjectDef {
    const o = this.objectBySlug.get(slug);
    if (!o) throw new Error(`unknown object ${slug}`);
    return o;
  }

  attribute(attributes: AttributeDef[], slug: string): AttributeDef {
    const a = attributes.find((x) => x.slug === slug);
    if (!a) throw new Error(`unknown attribute ${slug}`);
    return a;
  }

  memberActor(index?: number): Actor {
    const active = this.ws.members.filter((m) => m.accessLevel !== 'suspended');
    const m = index === undefined ? this.rng.pick(active) : this.ws.members[index % this.ws.members.length];
    return { type: 'workspace-member', id: m.id };
  }

  ctx(createdAtMs: number, actor: Actor): v.ValueContext {
    return { workspaceId: this.ws.id, activeFrom: attioTimestamp(createdAtMs), actor };
  }

  addRecord(objectSlug: string, createdAtMs: number, actor: Actor, build: (ctx: v.ValueContext) => Values): RecordRow {
    const ctx = this.ctx(createdAtMs, actor);
    const values = build(ctx);
    values.created_at = [v.timestamp(ctx, attioTimestamp(createdAtMs))];
    values.created_by = [v.actorRef(ctx, actor)];
    const row: RecordRow = { id: this.rng.uuid(), objectSlug, createdAt: attioTimestamp(createdAtMs), values };
    this.ws.records.get(objectSlug)!.push(row);
    this.ws.recordsById.set(row.id, row);
    return row;
  }

  addEntry(list: ListDef, record: RecordRow, createdAtMs: number, build: (ctx: v.ValueContext) => Values): EntryRow {
    const actor = this.memberActor();
    const ctx = this.ctx(createdAtMs, actor);
    const values = build(ctx);
    values.created_at = [v.timestamp(ctx, attioTimestamp(createdAtMs))];
    values.created_by = [v.actorRef(ctx, actor)];
    const row: EntryRow = {
      id: this.rng.uuid(),
      listId: list.id,
      parentRecordId: record.id,
      parentObject: record.objectSlug,
      createdAt: attioTimestamp(createdAtMs),
      values,
    };
    this.ws.entries.get(list.id)!.push(row);
    return row;
  }

  /** A creation time between `maxDaysAgo` and `minDaysAgo` days before now. */
  pastTime(maxDaysAgo: number, minDaysAgo = 1): number {
    return this.now - this.rng.int(minDaysAgo * 24, maxDaysAgo * 24) * 60 * 60 * 1000 - this.rng.int(0, 3599) * 1000;
  }
}

export function buildWorkspace(options: SeedOptions): Workspace {
  const rng = new Prng(options.seed);
  const workspaceCreated = attioTimestamp(options.now - 730 * DAY);
  const wsId = rng.uuid();
  const members: Member[] = MEMBERS.map(([first, last, level], i) => ({
    id: rng.uuid(),
    firstName: first,
    lastName: last,
    email: `${first.toLowerCase()}@northwindlabs.com`,
    avatarUrl: i % 2 === 0 ? `https://assets.attio.example/avatars/${first.toLowerCase()}.png` : null,
    accessLevel: level,
    createdAt: attioTimestamp(options.now - (730 - i * 30) * DAY),
  }));
  const objects = buildObjects(rng, workspaceCreated);
  const lists = buildLists(rng, workspaceCreated, members);
  const ws: Workspace = {
    id: wsId,
    name: options.name ?? 'Northwind Labs',
    slug: options.slug ?? 'northwind-labs',
    members,
    objects,
    records: new Map(objects.map((o) => [o.slug, []])),
    recordsById: new Map(),
    lists,
    entries: new Map(lists.map((l) => [l.id, []])),
    tasks: [],
    notes: [],
  };
  const b = new Builder(rng, options.now, ws);

  // Identifiers are fixed per seed regardless of padding, so the demo set is
  // built first and the generated records come after it.
  const companies = COMPANIES.map((c, i) => addCompany(b, c[0], c[1], c[2], CITIES[i % CITIES.length]));
  const people = seedPeople(b, companies, 60);
  linkCompanyTeams(b, companies, people);
  const deals = seedDeals(b, companies, people, 20);
  seedPartnerships(b, companies);
  seedLists(b, deals, people, companies);
  seedTasks(b, people, companies, deals);
  seedNotes(b, people, companies, deals);
  seedComments(ws, b.now, () => b.rng.uuid(), { deals, companies });
  seedMeetings(ws, b.now, () => b.rng.uuid(), deals[0], companies.find((c) => c.id === (deals[0].values.associated_company?.[0]?.target_record_id as string)) ?? companies[0]);

  const demoCount = companies.length + people.length + deals.length;
  if (options.records !== undefined && options.records > demoCount) {
    generateRecords(b, options.records - demoCount, companies);
  }
  // last, so that no identifier seeded above moves
  ws.webhooks = seedWebhooks(ws, rng, options.now);
  return ws;
}

function addCompany(b: Builder, name: string, host: string, categories: string[], city: City): RecordRow {
  const obj = b.object('companies');
  const catAttr = b.attribute(obj.attributes, 'categories');
  return b.addRecord('companies', b.pastTime(700, 200), b.memberActor(), (ctx) => ({
    name: [v.text(ctx, name)],
    domains: [v.domain(ctx, host)],
    description: [v.text(ctx, `${name} is a ${categories.join('/')} company headquartered in ${city.locality}.`)],
    categories: categories.map((c) => v.select(ctx, catAttr, catAttr.options!.find((o) => o.title === c)!)),
    employee_count: [v.num(ctx, b.rng.int(8, 4000))],
    primary_location: [v.location(ctx, city)],
    team: [],
    foundation_date: [v.date(ctx, `${b.rng.int(1990, 2021)}-${pad(b.rng.int(1, 12))}-${pad(b.rng.int(1, 28))}`)],
  }));
}

function seedPeople(b: Builder, companies: RecordRow[], count: number): RecordRow[] {
  const people: RecordRow[] = [];
  for (let i = 0; i < count; i++) {
    // The first person is always Ada Lovelace at Acme Robotics: handy for tests.
    const first = i === 0 ? 'Ada' : b.rng.pick(FIRST_NAMES);
    const last = i === 0 ? 'Lovelace' : b.rng.pick(LAST_NAMES);
    const company = i === 0 ? companies[0] : companies[i % companies.length];
    people.push(addPerson(b, first, last, company, i));
  }
  return people;
}

function addPerson(b: Builder, first: string, last: string, company: RecordRow | undefined, index: number): RecordRow {
  const host = company ? (company.values.domains[0].domain as string) : 'example.com';
  const city = company ? locationOf(company) : CITIES[index % CITIES.length];
  const localPart = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  let emailAddress = `${localPart}@${host}`;
  if (b.usedEmails.has(emailAddress)) emailAddress = `${localPart}${index}@${host}`;
  b.usedEmails.add(emailAddress);
  const createdAt = b.pastTime(600, 2);
  const owner = b.memberActor();
  return b.addRecord('people', createdAt, owner, (ctx) => {
    const values: Values = {
      name: [v.personalName(ctx, first, last)],
      email_addresses: [v.email(ctx, emailAddress)],
      phone_numbers: [v.phone(ctx, `${city.phonePrefix}${String(5550000 + b.rng.int(0, 9999)).padStart(7, '0')}`, city.countryCode)],
      job_title: [v.text(ctx, b.rng.pick(JOB_TITLES))],
      company: company ? [v.recordRef(ctx, 'companies', company.id)] : [],
      primary_location: [v.location(ctx, city)],
      description: index % 3 === 0 ? [v.text(ctx, `Met ${first} at a Northwind Labs customer event.`)] : [],
      linkedin: index % 2 === 0 ? [v.text(ctx, `https://www.linkedin.com/in/${localPart.replace('.', '-')}`)] : [],
      last_interaction: [v.interaction(ctx, b.rng.pick(INTERACTIONS), attioTimestamp(createdAt + b.rng.int(1, 24) * 3600000), owner)],
      twitter: [],
    };
    if (index % 7 === 0) {
      values.email_addresses.push(v.email(ctx, `${first.toLowerCase()}@personal.example`));
    }
    return values;
  });
}

function locationOf(company: RecordRow): City {
  const loc = company.values.primary_location[0];
  return CITIES.find((c) => c.locality === loc.locality) ?? CITIES[0];
}

function linkCompanyTeams(b: Builder, companies: RecordRow[], people: RecordRow[]): void {
  for (const person of people) {
    const ref = person.values.company[0];
    if (!ref) continue;
    const company = b.ws.recordsById.get(ref.target_record_id as string)!;
    const ctx = b.ctx(Date.parse(person.createdAt), b.memberActor(0));
    company.values.team.push(v.recordRef(ctx, 'people', person.id));
  }
}

function seedDeals(b: Builder, companies: RecordRow[], people: RecordRow[], count: number): RecordRow[] {
  const deals: RecordRow[] = [];
  for (let i = 0; i < count; i++) {
    deals.push(addDeal(b, companies[(i * 3) % companies.length], people));
  }
  return deals;
}

function addDeal(b: Builder, company: RecordRow, people: RecordRow[]): RecordRow {
  const obj = b.object('deals');
  const stageAttr = b.attribute(obj.attributes, 'stage');
  const activeStatuses = stageAttr.statuses!.filter((s) => !s.isArchived);
  const contacts = people.filter((p) => p.values.company[0]?.target_record_id === company.id).slice(0, b.rng.int(1, 3));
  const companyName = company.values.name[0].value as string;
  const owner = b.memberActor();
  return b.addRecord('deals', b.pastTime(365, 3), owner, (ctx) => ({
    name: [v.text(ctx, `${companyName} – ${b.rng.pick(PRODUCTS)}`)],
    stage: [v.status(ctx, stageAttr, b.rng.pick(activeStatuses))],
    value: [v.currency(ctx, b.rng.int(5, 250) * 1000, b.rng.pick(CURRENCIES))],
    owner: [v.actorRef(ctx, owner)],
    associated_company: [v.recordRef(ctx, 'companies', company.id)],
    associated_people: contacts.map((p) => v.recordRef(ctx, 'people', p.id)),
    close_date: [v.date(ctx, isoDate(b.now + b.rng.int(-60, 120) * DAY))],
  }));
}

function seedPartnerships(b: Builder, companies: RecordRow[]): void {
  const obj = b.object('partnerships');
  const tier = b.attribute(obj.attributes, 'tier');
  const names = ['Reseller agreement', 'Technology integration', 'Co-marketing', 'Referral programme', 'Joint research', 'Regional distribution', 'Data partnership', 'Channel alliance'];
  names.forEach((name, i) => {
    const company = companies[(i * 5 + 1) % companies.length];
    b.addRecord('partnerships', b.pastTime(500, 10), b.memberActor(), (ctx) => ({
      name: [v.text(ctx, `${company.values.name[0].value as string} ${name}`)],
      partner_company: [v.recordRef(ctx, 'companies', company.id)],
      tier: [v.select(ctx, tier, tier.options![i % 3])],
      priority: [v.rating(ctx, (i % 5) + 1)],
      is_active: [v.checkbox(ctx, i % 4 !== 3)],
      start_date: [v.date(ctx, isoDate(b.now - (i + 1) * 40 * DAY))],
      annual_value: i % 3 === 2 ? [] : [v.num(ctx, (i + 1) * 12500)],
    }));
  });
}

function seedLists(b: Builder, deals: RecordRow[], people: RecordRow[], companies: RecordRow[]): void {
  const [pipeline, hiring, keyAccounts] = b.ws.lists;
  for (const deal of deals) addPipelineEntry(b, pipeline, deal);

  const hiringStage = b.attribute(hiring.attributes, 'stage');
  const roles = ['Senior Backend Engineer', 'Product Designer', 'Account Executive', 'Data Engineer'];
  people.slice(40, 52).forEach((person, i) => {
    b.addEntry(hiring, person, b.pastTime(90, 1), (ctx) => ({
      stage: [v.status(ctx, hiringStage, hiringStage.statuses![i % hiringStage.statuses!.length])],
      role: [v.text(ctx, roles[i % roles.length])],
      rating: i % 4 === 3 ? [] : [v.rating(ctx, (i % 5) + 1)],
    }));
  });

  const tier = b.attribute(keyAccounts.attributes, 'tier');
  companies.slice(0, 10).forEach((company, i) => {
    b.addEntry(keyAccounts, company, b.pastTime(300, 5), (ctx) => ({
      tier: [v.select(ctx, tier, tier.options![i % tier.options!.length])],
      account_manager: [v.actorRef(ctx, b.memberActor(i % 5))],
      renewal_date: [v.date(ctx, isoDate(b.now + (i * 30 - 60) * DAY))],
    }));
  });
}

function addPipelineEntry(b: Builder, pipeline: ListDef, deal: RecordRow): void {
  const stage = b.attribute(pipeline.attributes, 'stage');
  b.addEntry(pipeline, deal, Date.parse(deal.createdAt) + 3600000, (ctx) => ({
    stage: [v.status(ctx, stage, b.rng.pick(stage.statuses!))],
    owner: [v.actorRef(ctx, { type: 'workspace-member', id: deal.values.owner[0].referenced_actor_id as string })],
    expected_close: [v.date(ctx, deal.values.close_date[0].value as string)],
  }));
}

function seedTasks(b: Builder, people: RecordRow[], companies: RecordRow[], deals: RecordRow[]): void {
  const activeMembers = b.ws.members.filter((m) => m.accessLevel !== 'suspended');
  for (let i = 0; i < 36; i++) {
    const person = people[(i * 7) % people.length];
    const company = companies[(i * 3) % companies.length];
    const deal = deals[i % deals.length];
    const content = TASK_TEMPLATES[i % TASK_TEMPLATES.length]
      .replace('{person}', person.values.name[0].full_name as string)
      .replace('{company}', company.values.name[0].value as string)
      .replace('{deal}', deal.values.name[0].value as string);
    const createdAt = b.now - (40 - i) * DAY - b.rng.int(0, 20) * 3600000;
    // Deadlines cycle through: overdue, due today, due later, none, long overdue, next week.
    const deadlineOffsets = [-3 * DAY, 4 * 3600000, 10 * DAY, null, -20 * DAY, 6 * DAY];
    const offset = deadlineOffsets[i % deadlineOffsets.length];
    const completed = i % 4 === 1;
    const linked = [
      { objectSlug: 'people', recordId: person.id },
      ...(i % 3 === 0 ? [{ objectSlug: 'companies', recordId: company.id }] : []),
      ...(i % 5 === 2 ? [{ objectSlug: 'deals', recordId: deal.id }] : []),
    ];
    const task: TaskRow = {
      id: b.rng.uuid(),
      content,
      deadlineAt: offset === null ? null : attioTimestamp(b.now + offset),
      isCompleted: completed,
      completedAt: completed ? attioTimestamp(Math.min(b.now - 3600000, createdAt + 2 * DAY)) : null,
      linkedRecords: i % 11 === 10 ? [] : linked,
      assigneeIds: i % 5 === 4 ? [] : i % 9 === 0 ? [activeMembers[0].id, activeMembers[1].id] : [activeMembers[i % activeMembers.length].id],
      createdBy: b.memberActor(i % 5),
      createdAt: attioTimestamp(createdAt),
    };
    b.ws.tasks.push(task);
  }
}

function seedNotes(b: Builder, people: RecordRow[], companies: RecordRow[], deals: RecordRow[]): void {
  const topics = ['Discovery call', 'Quarterly business review', 'Pricing discussion', 'Technical deep-dive', 'Kick-off meeting'];
  const parents: RecordRow[] = [people[0], people[0], people[1], people[5], companies[0], companies[0], companies[1], companies[4], deals[0], deals[0], deals[2], deals[3], people[10], companies[7], deals[5]];
  parents.forEach((parent, i) => {
    const topic = topics[i % topics.length];
    const author = b.memberActor(i % 5);
    const body = [`Attendees: ${b.ws.members[i % 5].firstName} and the customer team`, 'Next steps: send follow-up summary', 'Risks: budget approval pending'];
    const note: NoteRow = {
      id: b.rng.uuid(),
      parentObject: parent.objectSlug,
      parentRecordId: parent.id,
      title: `${topic} #${i + 1}`,
      contentPlaintext: `${topic}\n${body.join('\n')}`,
      contentMarkdown: `# ${topic}\n${body.map((l) => `- ${l}`).join('\n')}`,
      tags: i % 2 === 0 ? [{ type: 'workspace-member', workspace_member_id: author.id }] : [{ type: 'record', object: parent.objectSlug, record_id: parent.id }],
      createdBy: author,
      createdAt: attioTimestamp(b.now - (30 - i) * DAY),
    };
    b.ws.notes.push(note);
  });
  // Someone pasted a marketing email into a note: CRM rich text carries whatever its authors paste
  // (a tracking pixel, raw HTML, links into the editor), which the extension must show inert.
  const pasted = [
    '# Webinar follow-up (pasted from email)',
    'Thanks for joining! The slides are [on our site](https://northwind.example/webinar/slides).',
    '![](https://tracker.example/open.gif?u=acme)',
    '<img src="https://tracker.example/pixel.gif" width="1" height="1">',
    '<script>alert("pasted")</script>',
    '<a href="command:attio.signOut">Unsubscribe</a>',
    '[Manage preferences](command:attio.signOut) · [Open in the desktop app](vscode://attio-explorer.attio-explorer/auth/callback?code=x)',
  ];
  b.ws.notes.push({
    id: b.rng.uuid(),
    parentObject: companies[0].objectSlug,
    parentRecordId: companies[0].id,
    title: 'Webinar follow-up (pasted)',
    contentPlaintext: ['Webinar follow-up (pasted from email)', 'Thanks for joining! The slides are on our site.', 'Unsubscribe', 'Manage preferences · Open in the desktop app'].join('\n'),
    contentMarkdown: pasted.join('\n'),
    tags: [],
    createdBy: b.memberActor(2),
    createdAt: attioTimestamp(b.now - 2 * DAY),
  });
}

/** Pads the workspace with `count` more records: 50% people, 25% companies, 25% deals. */
function generateRecords(b: Builder, count: number, demoCompanies: RecordRow[]): void {
  const companyCount = Math.floor(count / 4);
  const dealCount = Math.floor(count / 4);
  const peopleCount = count - companyCount - dealCount;
  const companies: RecordRow[] = [...demoCompanies];
  const categories = ['SaaS', 'B2B', 'B2C', 'Fintech', 'Health', 'Hardware', 'Logistics', 'Media', 'Energy'];
  const suffixes = ['Labs', 'Systems', 'Group', 'Partners', 'Works', 'Holdings', 'Co', 'Technologies'];
  for (let i = 0; i < companyCount; i++) {
    const stem = `${b.rng.pick(LAST_NAMES).replace(/[^A-Za-z]/g, '')}`;
    const suffix = b.rng.pick(suffixes);
    const host = `${stem.toLowerCase()}-${suffix.toLowerCase()}-${i}.com`;
    companies.push(addCompany(b, `${stem} ${suffix} ${i}`, host, b.rng.sample(categories, b.rng.int(1, 2)), b.rng.pick(CITIES)));
  }
  for (let i = 0; i < peopleCount; i++) {
    addPerson(b, b.rng.pick(FIRST_NAMES), b.rng.pick(LAST_NAMES), companies[b.rng.int(0, companies.length - 1)], 1000 + i);
  }
  const pipeline = b.ws.lists[0];
  for (let i = 0; i < dealCount; i++) {
    const deal = addDeal(b, companies[b.rng.int(0, companies.length - 1)], []);
    addPipelineEntry(b, pipeline, deal);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
