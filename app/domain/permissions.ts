/**
 * Who may do what. Pure: the auth layer asks this module and nothing else.
 * Tenant roles apply within one authority; national roles apply to every authority.
 */
export const TENANT_ROLES = ["programme-manager", "contributor", "viewer", "board-member"] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export const NATIONAL_ROLES = ["national-admin", "national-viewer"] as const;
export type NationalRole = (typeof NATIONAL_ROLES)[number];

export const ROLE_LABELS: Record<TenantRole | NationalRole, string> = {
  "programme-manager": "Programme manager",
  contributor: "Contributor",
  viewer: "Viewer",
  "board-member": "Board member",
  "national-admin": "National admin",
  "national-viewer": "National viewer",
};

export const ROLE_DESCRIPTIONS: Record<TenantRole, string> = {
  "programme-manager": "Everything in this authority, including people, the charter and funding",
  contributor: "Edit workforce, training, hubs, plan and outcomes; no people, charter or funding",
  viewer: "Read only, for example scrutiny committee members",
  "board-member": "Read the charter and the board page, and sign the charter",
};

export const PERMISSIONS = [
  /** Open the authority's area at all (every role; board members see only the partnership). */
  "authority:visit",
  /** See the authority's programme pages (readiness, workforce, …). */
  "authority:read",
  /** Change workforce, training, hubs, plan and outcomes. */
  "programme:edit",
  /** Change funding streams, costs and contributions. */
  "funding:edit",
  /** Read the board and charter pages. */
  "charter:read",
  /** Draft, publish and send the charter; manage the board. */
  "charter:manage",
  /** Sign the charter on behalf of one's organisation. */
  "charter:sign",
  /** Invite people, change roles, remove members. */
  "people:manage",
  /** Read the authority's audit log. */
  "audit:read",
  /** Change the authority's details and thresholds. */
  "settings:edit",
  /** Invite an authority's programme managers (national admins). */
  "people:invite-programme-manager",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const TENANT_PERMISSIONS: Record<TenantRole, readonly Permission[]> = {
  "programme-manager": [
    "authority:visit",
    "authority:read",
    "programme:edit",
    "funding:edit",
    "charter:read",
    "charter:manage",
    "people:manage",
    "audit:read",
    "settings:edit",
    "people:invite-programme-manager",
  ],
  contributor: ["authority:visit", "authority:read", "programme:edit", "charter:read"],
  viewer: ["authority:visit", "authority:read", "charter:read"],
  "board-member": ["authority:visit", "charter:read", "charter:sign"],
};

/** National roles read every authority; only the admin invites programme managers. */
const NATIONAL_PERMISSIONS: Record<NationalRole, readonly Permission[]> = {
  "national-admin": ["authority:visit", "authority:read", "charter:read", "audit:read", "people:invite-programme-manager"],
  "national-viewer": ["authority:visit", "authority:read", "charter:read"],
};

export function isTenantRole(value: unknown): value is TenantRole {
  return typeof value === "string" && (TENANT_ROLES as readonly string[]).includes(value);
}

export function isNationalRole(value: unknown): value is NationalRole {
  return typeof value === "string" && (NATIONAL_ROLES as readonly string[]).includes(value);
}

/** Everything a person may do in one authority, from their role there and any national role. */
export function permissionsFor(tenantRole: TenantRole | null, nationalRole: NationalRole | null): Set<Permission> {
  return new Set<Permission>([...(tenantRole ? TENANT_PERMISSIONS[tenantRole] : []), ...(nationalRole ? NATIONAL_PERMISSIONS[nationalRole] : [])]);
}

/** Whether a person can reach an authority at all: a member, or national. Others get a 404. */
export function canSeeAuthority(tenantRole: TenantRole | null, nationalRole: NationalRole | null): boolean {
  return tenantRole !== null || nationalRole !== null;
}

/** Which roles a person may hand out when inviting. */
export function invitableRoles(permissions: Set<Permission>): TenantRole[] {
  if (permissions.has("people:manage")) return [...TENANT_ROLES];
  if (permissions.has("people:invite-programme-manager")) return ["programme-manager"];
  return [];
}

/** National permissions outside any authority. */
export type NationalPermission = "national:read" | "national:admin";

export function nationalCan(nationalRole: NationalRole | null, permission: NationalPermission): boolean {
  if (!nationalRole) return false;
  return permission === "national:read" || nationalRole === "national-admin";
}
