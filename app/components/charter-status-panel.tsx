import { Link } from "@remix-run/react";
import { formatDate } from "~/domain/dates";
import { Tag } from "./govuk/content";

/** What the panel needs: exactly what getCharterStatus (app/services/partnership/views.server.ts) returns. */
export interface CharterStatusPanelData {
  current: { number: number; title: string; publishedOn: string; reviewDueOn: string; reviewDue: boolean } | null;
  signed: number;
  partners: number;
  overdueRequests: number;
  fullySigned: boolean;
}

/**
 * The partnership charter at a glance, for the authority dashboard: "x of y partners signed" for
 * the current version, overdue signing requests, and whether the charter is due for review.
 * A partner is an organisation with a board member; it signs once, by any of its members.
 */
export function CharterStatusPanel({ slug, status, headingLevel = 2, showLink = true }: { slug: string; status: CharterStatusPanelData; headingLevel?: 2 | 3; showLink?: boolean }) {
  const Heading = `h${headingLevel}` as const;
  const href = `/a/${slug}/partnership`;
  return (
    <section className="app-card app-charter-panel" aria-labelledby="charter-panel-heading">
      <Heading className="govuk-heading-m" id="charter-panel-heading">
        Partnership charter
      </Heading>
      {status.current ? (
        <>
          <p className="govuk-body govuk-!-margin-bottom-2">
            <span className="app-figure" data-testid="charter-signed">
              {status.signed} of {status.partners}
            </span>
            partners signed version {status.current.number}
            {status.fullySigned ? (
              <>
                {" "}
                <Tag colour="green">Fully signed</Tag>
              </>
            ) : null}
          </p>
          <ul className="govuk-list">
            <li>
              {status.overdueRequests === 0 ? "No overdue signing requests" : `${status.overdueRequests} overdue signing ${status.overdueRequests === 1 ? "request" : "requests"}`}
              {status.overdueRequests > 0 ? (
                <>
                  {" "}
                  <Tag colour="orange">Overdue</Tag>
                </>
              ) : null}
            </li>
            <li>
              {status.current.reviewDue ? (
                <>
                  <Tag colour="red">Review due</Tag> since {formatDate(status.current.reviewDueOn)}
                </>
              ) : (
                <>Next review due {formatDate(status.current.reviewDueOn)}</>
              )}
            </li>
          </ul>
        </>
      ) : (
        <p className="govuk-body">No charter has been published yet.</p>
      )}
      {showLink ? (
        <p className="govuk-body govuk-!-margin-bottom-0">
          <Link className="govuk-link" to={href}>
            Board and charter
          </Link>
        </p>
      ) : null}
    </section>
  );
}
