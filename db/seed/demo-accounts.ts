import type { NationalRole, TenantRole } from "../../app/domain/permissions";

/**
 * One demo account per role. They exist only where the demo data is loaded, and the sign-in page
 * lists them only there (DEMO_DATA on). No default password exists anywhere else.
 */
export const DEMO_PASSWORD = "family-safeguarding-demo";

export interface DemoAccount {
  email: string;
  name: string;
  nationalRole?: NationalRole;
  memberships?: Array<{ authority: string; role: TenantRole }>;
  /** What the account shows off, for the sign-in page. */
  label: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "national.admin@example.com", name: "Nat Admin (national support team)", nationalRole: "national-admin", label: "National admin: all authorities, adds authorities" },
  { email: "national.viewer@example.com", name: "Nia Viewer (national analyst)", nationalRole: "national-viewer", label: "National viewer: reads and compares all authorities" },
  { email: "pm.walsall@example.com", name: "Pat Manager (Walsall)", memberships: [{ authority: "walsall", role: "programme-manager" }], label: "Walsall programme manager" },
  { email: "contributor.walsall@example.com", name: "Cam Contributor (Walsall)", memberships: [{ authority: "walsall", role: "contributor" }], label: "Walsall contributor" },
  { email: "viewer.walsall@example.com", name: "Vic Viewer (Walsall scrutiny)", memberships: [{ authority: "walsall", role: "viewer" }], label: "Walsall viewer" },
  { email: "board.walsall@example.com", name: "Bo Member (Walsall partnership board)", memberships: [{ authority: "walsall", role: "board-member" }], label: "Walsall board member" },
  { email: "pm.telford@example.com", name: "Tay Manager (Telford and Wrekin)", memberships: [{ authority: "telford-and-wrekin", role: "programme-manager" }], label: "Telford and Wrekin programme manager" },
  { email: "pm.dudley@example.com", name: "Dee Manager (Dudley)", memberships: [{ authority: "dudley", role: "programme-manager" }], label: "Dudley programme manager" },
  { email: "board.dudley@example.com", name: "Bea Member (Dudley partnership board)", memberships: [{ authority: "dudley", role: "board-member" }], label: "Dudley board member (housing): can sign the charter" },
];
