/**
 * Programs written against the demo workspace's generated types: the mistakes people make with Attio's API (a bad
 * slug, an option that does not exist, a filter written in the write shape, `$equals` for `$eq`, a value read in
 * another type's shape) each with the error the type checker must report, and one correct program that must compile.
 */

export interface WrongProgram {
  name: string;
  /** The statement; the error is expected on its (only) line. */
  code: string;
  /** TypeScript's diagnostic code and a fragment of its message. */
  error: { code: number; message: RegExp };
}

const IMPORTS = `import type { AttioObjectSlug, AttioListSlug, CompaniesCreate, CompaniesFilter, DealsFilter, DealsUpdate, PeopleCreate, PeopleFilter, PeopleRecord, SalesPipelineEntryFilter } from './attio.gen';
import { AttioObjects } from './attio.gen';
declare const person: PeopleRecord;
export {};
`;

/** The file of one wrong program: the imports, then the statement on line 5. */
export const programText = (code: string): string => `${IMPORTS}${code}\n`;
export const PROGRAM_LINE = 5;

export const WRONG_PROGRAMS: WrongProgram[] = [
  { name: 'bad object slug', code: `const slug: AttioObjectSlug = 'peeple';`, error: { code: 2820, message: /"peeple"' is not assignable to type 'AttioObjectSlug'. Did you mean '"people"'/ } },
  { name: 'bad slug on the constants', code: `const slug = AttioObjects.peeple;`, error: { code: 2551, message: /Property 'peeple' does not exist .* Did you mean 'people'/ } },
  { name: 'bad list slug', code: `const slug: AttioListSlug = 'sales_pipeline';`, error: { code: 2820, message: /"sales_pipeline"' is not assignable to type 'AttioListSlug'. Did you mean '"sales-pipeline"'/ } },
  { name: 'bad option title (select)', code: `const c: CompaniesCreate = { categories: ['SaaSS'] };`, error: { code: 2820, message: /"SaaSS"' is not assignable to type 'CompaniesCategoriesOption \| CompaniesCategoriesOptionId'. Did you mean '"SaaS"'/ } },
  { name: 'bad status title', code: `const u: DealsUpdate = { stage: 'Closed' };`, error: { code: 2322, message: /"Closed"' is not assignable to type 'AttioWriteOne<DealsStageStatus \| DealsStageStatusId>/ } },
  { name: 'bad option in a filter', code: `const f: CompaniesFilter = { categories: { $eq: 'Crypto' } };`, error: { code: 2322, message: /"Crypto"' is not assignable to type 'CompaniesCategoriesOption \| CompaniesCategoriesOptionId/ } },
  {
    name: 'filter written in the write shape (array of value objects)',
    code: `const f: PeopleFilter = { email_addresses: [{ email_address: 'ada@example.com' }] };`,
    error: { code: 2322, message: /'\{ email_address: string; \}\[\]' is not assignable to type 'string \| AttioTextOps \|/ },
  },
  { name: 'filter written in the write shape (field without operator)', code: `const f: PeopleFilter = { name: { first_name: 'Ada' } };`, error: { code: 2559, message: /Type 'string' has no properties in common with type 'AttioTextOps'/ } },
  { name: 'wrong operator $equals', code: `const f: DealsFilter = { name: { $equals: 'Acme' } };`, error: { code: 2353, message: /'\$equals' does not exist in type 'AttioTextOps'/ } },
  { name: 'wrong operator on a number ($contains)', code: `const f: CompaniesFilter = { employee_count: { $contains: 10 } };`, error: { code: 2353, message: /'\$contains' does not exist in type 'AttioOrderOps<number>'/ } },
  { name: 'bad attribute slug in a filter', code: `const f: SalesPipelineEntryFilter = { stagee: 'Qualified' };`, error: { code: 2561, message: /'stagee' does not exist in type 'SalesPipelineEntryFilter'. Did you mean to write 'stage'/ } },
  { name: 'value read in another type\'s shape', code: `const v = person.values.name?.[0]?.value;`, error: { code: 2339, message: /Property 'value' does not exist on type 'AttioPersonalNameValue'/ } },
  { name: 'write to a read-only attribute', code: `const c: PeopleCreate = { created_at: '2024-01-01' };`, error: { code: 2353, message: /'created_at' does not exist in type 'PeopleCreate'/ } },
  { name: 'multiselect written as one value', code: `const c: CompaniesCreate = { categories: 'SaaS' };`, error: { code: 2322, message: /Type 'string' is not assignable to type '\(CompaniesCategoriesOption \| CompaniesCategoriesOptionId\)\[\]'/ } },
];

/** Uses every part correctly: must compile with no error. */
export const RIGHT_PROGRAM = `${IMPORTS}
const slug: AttioObjectSlug = AttioObjects.people;
const c: CompaniesCreate = { name: 'Acme', categories: ['SaaS', 'B2B'], domains: ['acme.com'], employee_count: 12 };
const u: DealsUpdate = { stage: 'Won 🎉', value: { currency_value: 1200, currency_code: 'EUR' } };
const f: PeopleFilter = { $and: [{ name: { full_name: { $contains: 'Ada' } } }, { email_addresses: { email_domain: { $eq: 'example.com' } } }] };
const g: DealsFilter = { $or: [{ stage: 'Lead' }, { stage: { status: { $in: ['Won 🎉', 'Lost'] } } }], value: { currency_value: { $gte: 1000 } } };
const h: CompaniesFilter = { categories: { option: { $eq: 'SaaS' } }, employee_count: { $lt: 50 }, record_id: { $in: ['a', 'b'] } };
const e: SalesPipelineEntryFilter = { stage: 'Qualified' };
const full: string | undefined = person.values.name?.[0]?.full_name;
const p: PeopleCreate = { name: { first_name: 'Ada', last_name: 'Lovelace' }, email_addresses: ['ada@example.com'] };
export const used = [slug, c, u, f, g, h, e, full, p];
`;
