import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { BackLink, SummaryList, Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { VersionStateTag } from "~/components/partnership/status-tag";
import { CANONICAL_FORMAT_LINE, formatMonths } from "~/domain/charter";
import { formatDateTime, londonDate } from "~/domain/dates";
import { certificateRecords, idParam, orHttpError } from "~/services/partnership/route-data.server";
import { getCertificate } from "~/services/partnership/views.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Certificate: charter version ${data.version.number}` : "Certificate"} – ${SERVICE_NAME}` }];

/**
 * The certificate of a published version: its exact text and fingerprint, every signature and the
 * audit trail. Printable; its downloads are the charter version's export route. IP addresses,
 * browsers and e-mail addresses are shown to the programme team only.
 */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:read");
  const c = await orHttpError(getCertificate(access.tenant, idParam(args.params, "versionId")));
  const canManage = access.can("charter:manage");
  const slug = access.authority.slug;
  const { signatures, trail } = certificateRecords(c, canManage);
  return {
    slug,
    authorityName: access.authority.name,
    canManage,
    boardName: c.boardName,
    state: c.state,
    version: {
      ...c.version,
      publishedAt: formatDateTime(c.version.publishedAt),
      minimumTerm: formatMonths(c.version.minimumTermMonths),
      reviewInterval: formatMonths(c.version.reviewIntervalMonths),
    },
    signedToday: `${c.partners.filter((p) => p.status === "signed").length} of ${c.partners.length}`,
    today: londonDate(args.context.now()),
    signatures,
    trail,
  };
}

export default function CharterCertificate() {
  const d = useLoaderData<typeof loader>();
  const v = d.version;
  const base = `/a/${d.slug}/partnership/charter/${v.id}/export`;
  return (
    <div className="app-certificate">
      <BackLink to={`/a/${d.slug}/partnership/charter/${v.id}`}>Version {v.number}</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">
          {d.authorityName}: {d.boardName}
        </span>
        Certificate of signatures: {v.title}, version {v.number}
      </h1>
      <SummaryList
        rows={[
          { key: "Published", value: `${v.publishedAt} by ${v.publishedByLabel}` },
          { key: "Status", value: <VersionStateTag state={d.state} /> },
          { key: "Minimum term", value: v.minimumTerm },
          { key: "Reviewed", value: `Every ${v.reviewInterval}` },
          { key: "Partners signed today", value: d.signedToday },
          { key: "SHA-256 fingerprint", value: <code className="app-code app-hash" data-testid="charter-hash">{v.textHash}</code> },
        ]}
      />
      <ul className="govuk-list app-no-print">
        <li>
          <a className="govuk-link" href={`${base}?format=csv`} download>
            Download the signatures (CSV)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`${base}?format=trail-csv`} download>
            Download the audit trail (CSV)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`${base}?format=txt`} download>
            Download the text exactly as fingerprinted (.txt)
          </a>
        </li>
        <li>To keep a paper or PDF copy, print this page: the navigation and buttons are left out.</li>
      </ul>

      <h2 className="govuk-heading-m">Signatures</h2>
      <Table
        id="signatures"
        caption={`${d.signatures.length} ${d.signatures.length === 1 ? "signature" : "signatures"} of version ${v.number}`}
        captionSize="s"
        rows={d.signatures}
        rowKey={(s) => s.id}
        empty="Nobody has signed this version yet."
        columns={[
          { key: "org", header: "Organisation", cell: (s) => s.organisationName },
          {
            key: "signer",
            header: "Signed by",
            cell: (s) => (
              <>
                {s.signerName}
                {s.signerRole !== s.signerName ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{s.signerRole}</span> : null}
                {s.signerEmail ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{s.signerEmail}</span> : null}
              </>
            ),
          },
          { key: "when", header: "When", cell: (s) => <>{s.signedAt}<span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{s.signedAtUtc} UTC</span></> },
          { key: "how", header: "How", cell: (s) => (s.method === "app" ? "Signed in" : "E-mailed link") },
          {
            key: "consent",
            header: "Statement and text",
            cell: (s) => (
              <>
                {s.consentStatement}
                <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
                  Text shown: <code className="app-hash app-hash--small">{s.textHash}</code> {s.textHash === v.textHash ? "(matches)" : "(DOES NOT MATCH)"}
                </span>
              </>
            ),
          },
          ...(d.canManage
            ? [
                {
                  key: "from",
                  header: "From",
                  cell: (s: (typeof d.signatures)[number]) => (
                    <>
                      {s.ip}
                      <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0 app-break">{s.userAgent}</span>
                    </>
                  ),
                },
              ]
            : []),
          {
            key: "withdrawn",
            header: "Withdrawn",
            cell: (s) =>
              s.withdrawnAt ? (
                <>
                  <Tag colour="red">Withdrawn</Tag> {s.withdrawnAt}
                  <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{s.withdrawalReason}</span>
                </>
              ) : (
                "No"
              ),
          },
        ]}
      />

      <h2 className="govuk-heading-m">The text signed</h2>
      <p className="govuk-body">This is the canonical text of version {v.number}, exactly as fingerprinted. Its SHA-256 is {v.textHash}.</p>
      <pre className="app-canonical-text" data-testid="canonical-text">
        {v.canonicalText}
      </pre>

      <h2 className="govuk-heading-m">How to check the fingerprint</h2>
      <p className="govuk-body">Anyone holding this page can recompute the fingerprint from the text above. The canonical text is built from the charter like this:</p>
      <ol className="govuk-list govuk-list--number">
        <li>The first line is always: {CANONICAL_FORMAT_LINE}</li>
        <li>Then “Title: ”, “Minimum term: N months” and “Review interval: N months”, one a line.</li>
        <li>A blank line, “Commitments:” and the commitments numbered “1. ”, “2. ”… one a line, each with its white space folded to single spaces.</li>
        <li>A blank line, “Text:” and the text of the charter in Markdown, as written.</li>
        <li>
          Everything is in Unicode NFC; line breaks are LF (CRLF and CR become LF); spaces and tabs at the end of each line are removed; blank lines at the start and end are removed;
          there is no line break after the last line.
        </li>
        <li>The fingerprint is the SHA-256 of the UTF-8 bytes of that text, written in lower-case hexadecimal.</li>
      </ol>
      <p className="govuk-body">
        To check: download the text (.txt) above and run <code className="app-code">sha256sum {`${d.slug}-charter-v${v.number}.txt`}</code> (on a Mac, <code className="app-code">shasum -a 256</code>;
        in Windows PowerShell, <code className="app-code">Get-FileHash -Algorithm SHA256</code>). The result must be {v.textHash}.
      </p>

      <h2 className="govuk-heading-m">Audit trail</h2>
      <Table
        id="trail"
        caption="Created, published, sent, viewed, signed, reminded and withdrawn, oldest first"
        captionSize="s"
        rows={d.trail}
        rowKey={(e) => String(e.id)}
        empty="Nothing recorded."
        columns={[
          { key: "when", header: "When", cell: (e) => e.at },
          { key: "what", header: "What", cell: (e) => e.what },
          ...(d.canManage ? [{ key: "who", header: "Who", cell: (e: (typeof d.trail)[number]) => e.who }] : []),
        ]}
      />
    </div>
  );
}
