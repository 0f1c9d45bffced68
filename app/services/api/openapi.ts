import type { OpenAPIV3_1 } from "openapi-types";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "../../domain/api-tokens";
import { API_BASE } from "./resources";

/**
 * The read API's OpenAPI 3.1 description, served at /api/v1/openapi.json. Written by hand beside
 * the services whose shapes it describes (ApiAuthority, ApiReadiness, ApiWorkforce, ApiFunding);
 * tests check that every /api/v1 route is in it and that real answers have exactly these fields.
 */
type Schema = OpenAPIV3_1.SchemaObject;

const str = (description?: string): Schema => ({ type: "string", ...(description ? { description } : {}) });
const date = (description?: string, nullable = false): Schema => ({ type: nullable ? ["string", "null"] : "string", format: "date", ...(description ? { description } : {}) });
const num = (description?: string, nullable = false): Schema => ({ type: nullable ? ["number", "null"] : "number", ...(description ? { description } : {}) });
const int = (description?: string): Schema => ({ type: "integer", ...(description ? { description } : {}) });
const bool = (description?: string): Schema => ({ type: "boolean", ...(description ? { description } : {}) });
const ref = (name: string): OpenAPIV3_1.ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
/** An object whose every property is required (the API always sends every field, null when unknown). */
const object = (properties: Record<string, Schema | OpenAPIV3_1.ReferenceObject>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const envelope = (data: Schema | OpenAPIV3_1.ReferenceObject): Schema => object({ data });

const summaryProperties = {
  slug: str("In every URL: /api/v1/authorities/{slug}"),
  name: str(),
  region: str(),
  cohort: str("The programme cohort the authority joined in"),
  plannedGoLive: date("Planned go-live date", true),
  actualGoLive: date("Actual go-live date", true),
};

const workforceFigures = {
  establishmentFte: num("Establishment FTE (two decimal places)"),
  inPostFte: num("FTE in post on the date"),
  pipelineFte: num("Agreed future starts, up to the vacant FTE"),
  vacantFte: num("Establishment − in post"),
  posts: int("Established posts"),
  peopleInPost: int(),
  peopleStarting: int("People with an agreed future start"),
};

const pence = (description: string): Schema => int(`${description}, in pence (divide by 100 for pounds)`);

const schemas: Record<string, Schema> = {
  Error: object({ error: object({ status: int(), message: str() }) }),
  AuthoritySummary: object(summaryProperties),
  Authority: object({
    ...summaryProperties,
    onsCode: { type: ["string", "null"] },
    programmeStart: date(undefined, true),
    dfeConfirmedOn: date("When DfE confirmed the authority may go live", true),
    links: object({ self: str(), readiness: str(), workforce: str(), funding: str() }, "Paths of this authority's resources"),
  }),
  Criterion: object({
    key: { type: "string", enum: ["adult-workers", "mi", "workshops"] },
    label: str(),
    unit: { type: "string", enum: ["FTE", "people"] },
    numerator: num("FTE in post (adult workers) or people trained"),
    denominator: num("Establishment FTE (adult workers) or people counted"),
    percentage: num("numerator / denominator × 100, one decimal place; null when nothing is counted", true),
    threshold: num("Percentage needed to go live"),
    met: bool("Compared exactly, never on the rounded percentage"),
    shortfall: num("How much more is needed (FTE or people); 0 when met"),
    forecast: object(
      {
        status: { type: "string", enum: ["met", "will-meet", "not-on-current-plans", "nothing-to-count"] },
        since: date("When met: since when", true),
        fallsBelowOn: date("When met: the day current plans take it below the threshold", true),
        willMeetOn: date("When will-meet: the day it is met on current plans", true),
      },
      "On current plans (agreed starts, known leavers and contract ends, booked training), from today",
    ),
  }),
  Readiness: object({
    authority: str(),
    asOf: date(),
    today: date("The date forecasts run from"),
    ready: bool("All three criteria met on asOf"),
    criteria: { type: "array", items: ref("Criterion") },
    goLive: {
      oneOf: [
        { type: "null" },
        object({
          date: date(),
          actual: bool("The actual go-live date (else the planned one)"),
          ready: bool(),
          criteria: { type: "array", items: object({ key: str(), percentage: num(undefined, true), met: bool() }) },
        }),
      ],
    },
  }),
  WorkforceRole: object({ role: str(), label: str(), adultSpecialist: bool("Counts towards the adult workers criterion"), ...workforceFigures }),
  WorkforceTeam: object({ teamId: { type: ["string", "null"], format: "uuid" }, team: str(), ...workforceFigures }),
  Workforce: object({
    authority: str(),
    asOf: date(),
    adultWorkers: object({ inPostFte: num(), establishmentFte: num(), percentage: num(undefined, true), threshold: num(), met: bool() }),
    byRole: { type: "array", items: ref("WorkforceRole") },
    byTeam: { type: "array", items: ref("WorkforceTeam"), description: "Adult specialist posts by team" },
  }),
  FundingYear: object({
    financialYear: str("1 April to 31 March, e.g. 2021-22"),
    start: date(),
    end: date(),
    costPence: pence("Cost of the adult specialist workers"),
    grantPence: pence("Grant paying towards that cost"),
    shortfallPence: pence("Cost − grant"),
    agreedContributionsPence: pence("Agreed and received partner contributions"),
    proposedContributionsPence: pence("Proposed partner contributions"),
    remainingGapPence: pence("Shortfall − agreed contributions; negative when more is agreed than needed"),
    notCoveredPence: pence("Left even if every proposed contribution is agreed; never below 0"),
  }),
  Funding: object({
    authority: str(),
    asOf: date(),
    currency: { type: "string", const: "GBP" },
    financialYears: { type: "array", items: ref("FundingYear") },
  }),
};

const slug: OpenAPIV3_1.ParameterObject = { name: "slug", in: "path", required: true, schema: { type: "string" }, description: "The authority's slug, e.g. walsall" };
const asOf: OpenAPIV3_1.ParameterObject = { name: "asOf", in: "query", required: false, schema: { type: "string", format: "date" }, description: "Figures at this date (YYYY-MM-DD); default today in England" };
const format: OpenAPIV3_1.ParameterObject = {
  name: "format",
  in: "query",
  required: false,
  schema: { type: "string", enum: ["json", "csv"] },
  description: "csv for a CSV file (also chosen by Accept: text/csv); json by default",
};

const errors = (...statuses: number[]): Record<string, OpenAPIV3_1.ResponseObject> =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        description: {
          400: "Unknown format",
          401: "No token, or an unknown, expired or revoked one",
          403: "A member of the authority whose role cannot read its programme (board members)",
          404: "No such authority, or the token's user cannot see it",
          405: "Any method but GET: the API is read-only",
          429: "Over the token's rate limit; Retry-After says when to try again",
        }[s]!,
        content: { "application/json": { schema: ref("Error") } },
      },
    ]),
  );

function read(summary: string, data: Schema | OpenAPIV3_1.ReferenceObject, parameters: OpenAPIV3_1.ParameterObject[], csv: string, authority = true): OpenAPIV3_1.PathItemObject {
  const ok: OpenAPIV3_1.ResponseObject = {
    description: "OK",
    content: { "application/json": { schema: envelope(data) }, "text/csv": { schema: { type: "string" }, example: `${csv}\r\n…` } },
  };
  const responses: OpenAPIV3_1.ResponsesObject = { 200: ok, ...errors(400, 401, ...(authority ? [403, 404] : []), 429) };
  return pathItem({ summary, parameters: [...parameters, format], responses });
}

/** openapi-types' 3.1 PathItemObject intersects the 3.0 and 3.1 operation types (a known flaw), so one cast here. */
function pathItem(get: OpenAPIV3_1.OperationObject): OpenAPIV3_1.PathItemObject {
  return { get } as OpenAPIV3_1.PathItemObject;
}

export const OPENAPI: OpenAPIV3_1.Document = {
  openapi: "3.1.0",
  info: {
    title: "Family Safeguarding tracker: read API",
    version: "1.0.0",
    description: [
      "Read-only figures for analysts (e.g. Power BI). Authenticate with a personal API token made on your account page (/account/api-tokens): `Authorization: Bearer fsk_…`.",
      `A token acts as its owner and sees what they see: national roles every authority, others the authorities they belong to (another authority is a 404). Tokens expire (by default after ${DEFAULT_TOKEN_DAYS} days, at most ${MAX_TOKEN_DAYS}) and can be revoked at any time.`,
      "JSON answers are `{ \"data\": … }`; errors `{ \"error\": { \"status\", \"message\" } }`. Dates are ISO (YYYY-MM-DD), FTE has two decimal places, money is integer pence in fields ending `Pence`. Every endpoint answers CSV too (`?format=csv` or `Accept: text/csv`).",
    ].join("\n\n"),
  },
  servers: [{ url: "/" }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token, fsk_ followed by 43 characters" } },
    schemas,
  },
  paths: {
    [`${API_BASE}/authorities`]: read("The authorities the token's user can read, by name", { type: "array", items: ref("AuthoritySummary") }, [], "slug,name,region,cohort,planned_go_live,actual_go_live", false),
    [`${API_BASE}/authorities/{slug}`]: read("One authority and links to its resources", ref("Authority"), [slug], "slug,name,region,cohort,planned_go_live,actual_go_live,ons_code,programme_start,dfe_confirmed_on"),
    [`${API_BASE}/authorities/{slug}/readiness`]: read(
      "The three go-live criteria at a date and their forecasts (as the readiness dashboard)",
      ref("Readiness"),
      [slug, asOf],
      "authority,as_of,criterion,label,unit,numerator,denominator,percentage,threshold,met,shortfall,forecast_status,met_since,falls_below_on,will_meet_on",
    ),
    [`${API_BASE}/authorities/{slug}/workforce`]: read(
      "Establishment, in-post, pipeline and vacant FTE by role and by team (as the workforce page)",
      ref("Workforce"),
      [slug, asOf],
      "authority,as_of,grouping,key,label,adult_specialist,establishment_fte,in_post_fte,pipeline_fte,vacant_fte,posts,people_in_post,people_starting",
    ),
    [`${API_BASE}/authorities/{slug}/funding`]: read(
      "Cost, grant, shortfall and gap by financial year, in pence (as the funding page)",
      ref("Funding"),
      [slug, asOf],
      "authority,financial_year,start,end,cost_pence,grant_pence,shortfall_pence,agreed_contributions_pence,proposed_contributions_pence,remaining_gap_pence,not_covered_pence",
    ),
    [`${API_BASE}/openapi.json`]: pathItem({ summary: "This description (no token needed)", security: [], responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } }),
  },
};
