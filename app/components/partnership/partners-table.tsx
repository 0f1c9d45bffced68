import type { ReactNode } from "react";
import { Table } from "../govuk/table";
import { PartnerStatusTag } from "./status-tag";

export interface PartnerRowData {
  organisationId: string;
  organisationName: string;
  sector: string;
  status: string;
  signer: string;
  signedAt: string;
  withdrawn: string;
}

/** Signed / awaiting / withdrawn per partner for one version. */
export function PartnersTable({ caption, partners, action }: { caption: ReactNode; partners: PartnerRowData[]; action?: (p: PartnerRowData) => ReactNode }) {
  return (
    <Table
      id="partners"
      caption={caption}
      rows={partners}
      rowKey={(p) => p.organisationId}
      empty="No partner organisation has a board member yet."
      columns={[
        { key: "partner", header: "Partner", cell: (p) => p.organisationName },
        { key: "sector", header: "Sector", cell: (p) => p.sector },
        { key: "status", header: "Status", cell: (p) => <PartnerStatusTag status={p.status} /> },
        {
          key: "signed",
          header: "Signed by",
          cell: (p) => (
            <>
              {p.signer}
              {p.signedAt ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{p.signedAt}</span> : null}
              {p.withdrawn ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{p.withdrawn}</span> : null}
            </>
          ),
        },
        ...(action ? [{ key: "action", header: <span className="govuk-visually-hidden">Actions</span>, cell: action }] : []),
      ]}
    />
  );
}
