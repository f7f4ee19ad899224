/**
 * Object, attribute and list definitions of the demo workspace, in UI order.
 */
import { AttributeDef, AttributeType, ListDef, Member, ObjectDef } from './model';
import { Prng } from './prng';

interface AttributeSpec {
  slug: string;
  title: string;
  type: AttributeType;
  description?: string;
  system?: boolean;
  writable?: boolean;
  required?: boolean;
  unique?: boolean;
  multi?: boolean;
  archived?: boolean;
  currencyCode?: string;
  allowedObjects?: string[];
  options?: (string | { title: string; archived: boolean })[];
  statuses?: (string | { title: string; celebration?: boolean; target?: string; archived?: boolean })[];
}

const CREATED_AT: AttributeSpec = { slug: 'created_at', title: 'Created at', type: 'timestamp', system: true, writable: false, description: 'When the record was created.' };
const CREATED_BY: AttributeSpec = { slug: 'created_by', title: 'Created by', type: 'actor-reference', system: true, writable: false, description: 'Who created the record.' };

export const OBJECT_SPECS: { slug: string; singular: string; plural: string; attributes: AttributeSpec[] }[] = [
  {
    slug: 'people',
    singular: 'Person',
    plural: 'People',
    attributes: [
      { slug: 'name', title: 'Name', type: 'personal-name', system: true },
      { slug: 'email_addresses', title: 'Email addresses', type: 'email-address', system: true, unique: true, multi: true },
      { slug: 'phone_numbers', title: 'Phone numbers', type: 'phone-number', system: true, multi: true },
      { slug: 'job_title', title: 'Job title', type: 'text', system: true },
      { slug: 'company', title: 'Company', type: 'record-reference', system: true, allowedObjects: ['companies'] },
      { slug: 'primary_location', title: 'Primary location', type: 'location', system: true },
      { slug: 'description', title: 'Description', type: 'text', system: true },
      { slug: 'linkedin', title: 'LinkedIn', type: 'text', system: true },
      { slug: 'last_interaction', title: 'Last interaction', type: 'interaction', system: true, writable: false },
      { slug: 'twitter', title: 'Twitter', type: 'text', system: true, archived: true },
      CREATED_AT,
      CREATED_BY,
    ],
  },
  {
    slug: 'companies',
    singular: 'Company',
    plural: 'Companies',
    attributes: [
      { slug: 'name', title: 'Name', type: 'text', system: true },
      { slug: 'domains', title: 'Domains', type: 'domain', system: true, unique: true, multi: true },
      { slug: 'description', title: 'Description', type: 'text', system: true },
      {
        slug: 'categories',
        title: 'Categories',
        type: 'select',
        system: true,
        multi: true,
        options: ['SaaS', 'B2B', 'B2C', 'Fintech', 'Health', 'Hardware', 'Logistics', 'Media', 'Energy', { title: 'Web3', archived: true }],
      },
      { slug: 'employee_count', title: 'Employee count', type: 'number' },
      { slug: 'primary_location', title: 'Primary location', type: 'location', system: true },
      { slug: 'team', title: 'Team', type: 'record-reference', system: true, multi: true, allowedObjects: ['people'] },
      { slug: 'foundation_date', title: 'Foundation date', type: 'date', system: true },
      CREATED_AT,
      CREATED_BY,
    ],
  },
  {
    slug: 'deals',
    singular: 'Deal',
    plural: 'Deals',
    attributes: [
      { slug: 'name', title: 'Deal name', type: 'text', system: true, required: true },
      {
        slug: 'stage',
        title: 'Deal stage',
        type: 'status',
        system: true,
        required: true,
        statuses: ['Lead', 'In Progress', 'Negotiation', { title: 'Won 🎉', celebration: true }, 'Lost', { title: 'Stalled', archived: true }],
      },
      { slug: 'value', title: 'Deal value', type: 'currency', system: true, currencyCode: 'USD' },
      { slug: 'owner', title: 'Deal owner', type: 'actor-reference', system: true, required: true },
      { slug: 'associated_company', title: 'Associated company', type: 'record-reference', system: true, allowedObjects: ['companies'] },
      { slug: 'associated_people', title: 'Associated people', type: 'record-reference', system: true, multi: true, allowedObjects: ['people'] },
      { slug: 'close_date', title: 'Close date', type: 'date' },
      CREATED_AT,
      CREATED_BY,
    ],
  },
  {
    slug: 'partnerships',
    singular: 'Partnership',
    plural: 'Partnerships',
    attributes: [
      { slug: 'name', title: 'Name', type: 'text', required: true },
      { slug: 'partner_company', title: 'Partner company', type: 'record-reference', allowedObjects: ['companies'] },
      { slug: 'tier', title: 'Tier', type: 'select', options: ['Gold', 'Silver', 'Bronze', { title: 'Platinum', archived: true }] },
      { slug: 'priority', title: 'Priority', type: 'rating' },
      { slug: 'is_active', title: 'Active', type: 'checkbox' },
      { slug: 'start_date', title: 'Start date', type: 'date' },
      { slug: 'annual_value', title: 'Annual value', type: 'number', description: 'Expected yearly revenue share in USD.' },
      CREATED_AT,
      CREATED_BY,
    ],
  },
];

export const LIST_SPECS: { slug: string; name: string; parent: string; access: ListDef['workspaceAccess']; attributes: AttributeSpec[] }[] = [
  {
    slug: 'sales-pipeline',
    name: 'Sales Pipeline',
    parent: 'deals',
    access: 'full-access',
    attributes: [
      { slug: 'stage', title: 'Stage', type: 'status', required: true, statuses: ['Qualified', 'Demo Scheduled', 'Proposal Sent', { title: 'Closed Won', celebration: true }, 'Closed Lost'] },
      { slug: 'owner', title: 'Owner', type: 'actor-reference' },
      { slug: 'expected_close', title: 'Expected close', type: 'date' },
      { slug: 'created_at', title: 'Added at', type: 'timestamp', system: true, writable: false },
      { slug: 'created_by', title: 'Added by', type: 'actor-reference', system: true, writable: false },
    ],
  },
  {
    slug: 'hiring',
    name: 'Hiring',
    parent: 'people',
    access: 'read-and-write',
    attributes: [
      { slug: 'stage', title: 'Stage', type: 'status', statuses: ['Applied', { title: 'Screening', target: 'P0Y0M7DT0H0M0S' }, 'Interview', 'Offer', { title: 'Hired', celebration: true }, 'Rejected'] },
      { slug: 'role', title: 'Role', type: 'text' },
      { slug: 'rating', title: 'Rating', type: 'rating' },
      { slug: 'created_at', title: 'Added at', type: 'timestamp', system: true, writable: false },
      { slug: 'created_by', title: 'Added by', type: 'actor-reference', system: true, writable: false },
    ],
  },
  {
    slug: 'key-accounts',
    name: 'Key Accounts',
    parent: 'companies',
    access: null,
    attributes: [
      { slug: 'tier', title: 'Tier', type: 'select', options: ['Strategic', 'Growth', 'Maintain'] },
      { slug: 'account_manager', title: 'Account manager', type: 'actor-reference' },
      { slug: 'renewal_date', title: 'Renewal date', type: 'date' },
      { slug: 'created_at', title: 'Added at', type: 'timestamp', system: true, writable: false },
      { slug: 'created_by', title: 'Added by', type: 'actor-reference', system: true, writable: false },
    ],
  },
];

function buildAttribute(rng: Prng, parentId: string, spec: AttributeSpec, createdAt: string): AttributeDef {
  const id = rng.uuid();
  return {
    id,
    parentId,
    title: spec.title,
    description: spec.description ?? null,
    slug: spec.slug,
    type: spec.type,
    isSystem: spec.system ?? false,
    isWritable: spec.writable ?? true,
    isRequired: spec.required ?? false,
    isUnique: spec.unique ?? false,
    isMultiselect: spec.multi ?? false,
    isArchived: spec.archived ?? false,
    createdAt,
    currencyCode: spec.currencyCode,
    allowedObjects: spec.allowedObjects,
    options: spec.options?.map((o) => {
      const option = typeof o === 'string' ? { title: o, archived: false } : o;
      return { id: rng.uuid(), title: option.title, isArchived: option.archived };
    }),
    statuses: spec.statuses?.map((s) => {
      const status = typeof s === 'string' ? { title: s } : s;
      return {
        id: rng.uuid(),
        title: status.title,
        isArchived: status.archived ?? false,
        celebrationEnabled: status.celebration ?? false,
        targetTimeInStatus: status.target ?? null,
      };
    }),
  };
}

export function buildObjects(rng: Prng, createdAt: string): ObjectDef[] {
  return OBJECT_SPECS.map((spec) => {
    const id = rng.uuid();
    return {
      id,
      slug: spec.slug,
      singular: spec.singular,
      plural: spec.plural,
      createdAt,
      attributes: spec.attributes.map((a) => buildAttribute(rng, id, a, createdAt)),
    };
  });
}

export function buildLists(rng: Prng, createdAt: string, members: Member[]): ListDef[] {
  return LIST_SPECS.map((spec, index) => {
    const id = rng.uuid();
    return {
      id,
      slug: spec.slug,
      name: spec.name,
      parentObject: spec.parent,
      workspaceAccess: spec.access,
      memberAccess:
        spec.access === null
          ? [
              { memberId: members[0].id, level: 'full-access' as const },
              { memberId: members[2].id, level: 'read-only' as const },
            ]
          : [],
      createdBy: { type: 'workspace-member' as const, id: members[index % 2].id },
      createdAt,
      attributes: spec.attributes.map((a) => buildAttribute(rng, id, a, createdAt)),
    };
  });
}
