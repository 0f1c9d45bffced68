import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { notFound, requireMembership, requireRecentTwoFactor } from "~/auth/guards.server";
import { BackLink, SummaryList, Tag, WarningText } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { CharterText } from "~/components/partnership/charter-text";
import { PartnersTable } from "~/components/partnership/partners-table";
import { PartnerStatusTag, VersionStateTag } from "~/components/partnership/status-tag";
import { formatDate, formatDateTime } from "~/domain/dates";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { discardDraft, publishVersion } from "~/services/partnership/charter-versions.server";
import { asOfFrom, idParam, orHttpError, partnerRows } from "~/services/partnership/route-data.server";
import { withdrawSignature } from "~/services/partnership/sign-charter.server";
import { sendReminders, sendSigningRequests, type SendOutcome } from "~/services/partnership/signing-requests.server";
import { getVersionView } from "~/services/partnership/views.server";
import { schemas, intentSchema } from "~/schemas/routes/a.$slug.partnership.charter.$versionId._index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Charter version ${data.version.number}` : "Charter"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:read");
  const asOf = asOfFrom(args.request, args.context.now());
  const canManage = access.can("charter:manage");
  const view = await orHttpError(getVersionView(access.tenant, idParam(args.params, "versionId"), asOf, access.user.email));
  // Drafts are the programme team's work in progress.
  if (!view.version.publishedAt && !canManage) throw notFound();
  const v = view.version;
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    boardName: view.boardName,
    canManage,
    canSign: access.can("charter:sign"),
    state: view.state,
    version: {
      ...v,
      publishedAt: undefined,
      updatedAt: undefined,
      publishedOn: v.publishedAt ? formatDateTime(v.publishedAt) : null,
      updatedOn: formatDateTime(v.updatedAt),
      reviewDueOn: v.reviewDueOn ? formatDate(v.reviewDueOn) : null,
      reviewDue: v.reviewDueOn !== null && view.state === "current" && asOf >= v.reviewDueOn,
    },
    currentVersion: view.currentVersion,
    publishProblems: view.publishProblems,
    partners: partnerRows(view.partners),
    signed: view.partners.filter((p) => p.status === "signed").length,
    reminderAfterDays: view.reminderAfterDays,
    requests: canManage
      ? view.requests.map((r) => ({
          ...r,
          requestedAt: r.requestedAt ? formatDateTime(r.requestedAt) : null,
          lastSentAt: r.lastSentAt ? formatDateTime(r.lastSentAt) : null,
          firstViewedAt: r.firstViewedAt ? formatDateTime(r.firstViewedAt) : null,
        }))
      : [],
    viewer: view.viewer,
  };
}

function sentNotice(o: SendOutcome, what: string) {
  const failed = o.failed ? ` ${o.failed} could not be e-mailed: try again later.` : "";
  return `${o.sent} ${what}${o.sent === 1 ? "" : "s"} sent.${failed}`;
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const versionId = idParam(args.params, "versionId");
  const formData = await args.request.formData();
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return invalid(parseForm(formData, schemas.publish), { formErrors: ["Choose what to do"] });
  const submission = parseForm(formData, schemas[intent.data]);
  if (submission.status !== "success") return invalid(submission);
  // Publishing asks every partner to sign: it needs a fresh second factor.
  if (submission.value.intent === "publish") requireRecentTwoFactor(access, args);
  const scope = access.tenant;
  const env = args.context.env;
  const base = `/a/${access.authority.slug}/partnership`;
  const here = `${base}/charter/${versionId}`;
  try {
    const value = submission.value;
    switch (value.intent) {
      case "publish": {
        const published = await publishVersion(scope, env, versionId, { version: value.version, sendRequests: value.sendRequests === "yes" });
        const asked = value.sendRequests === "yes" ? ` ${sentNotice(published.requests, "signing request")}` : " No signing requests were sent yet.";
        return redirectWithNotice(here, `Version ${published.number} is published; every partner must now sign it.${asked}`);
      }
      case "discard": {
        const { number } = await discardDraft(scope, versionId, value.version);
        return redirectWithNotice(base, `Draft version ${number} has been discarded.`);
      }
      case "send-requests":
        return redirectWithNotice(here, sentNotice(await sendSigningRequests(scope, env, versionId), "signing request"));
      case "send-request":
        return redirectWithNotice(here, sentNotice(await sendSigningRequests(scope, env, versionId, value.memberId), "signing request"));
      case "remind":
        return redirectWithNotice(here, sentNotice(await sendReminders(scope, env, versionId, "manual", [value.memberId]), "reminder"));
      case "remind-due":
        return redirectWithNotice(here, sentNotice(await sendReminders(scope, env, versionId, "manual"), "reminder"));
      case "withdraw": {
        const { organisationName } = await withdrawSignature(scope, { versionId, organisationId: value.organisationId, byEmail: null, reason: value.reason });
        return redirectWithNotice(here, `${organisationName}'s withdrawal has been recorded. Its signature stays on the certificate, marked as withdrawn.`);
      }
    }
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

function ActionButton({ intent, children, fields = {}, secondary = true }: { intent: string; children: ReactNode; fields?: Record<string, string>; secondary?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`govuk-button${secondary ? " govuk-button--secondary" : ""} govuk-!-margin-bottom-0`}>
        {children}
      </button>
    </Form>
  );
}

export default function CharterVersion() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { error?: Record<string, string[] | null> } | undefined;
  const errors = Object.values(result?.error ?? {})
    .flatMap((e) => e ?? [])
    .map((message) => ({ href: "#main-content", message }));
  const base = `/a/${d.slug}/partnership`;
  const v = d.version;
  const draft = !v.publishedOn;
  const unasked = d.requests.filter((r) => r.partnerStatus === "awaiting" && !r.requestedAt).length;
  const due = d.requests.filter((r) => r.reminderDue).length;
  return (
    <>
      <BackLink to={base}>Partnership</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">
          {d.boardName}: version {v.number} <VersionStateTag state={d.state} />
        </span>
        {v.title}
      </h1>

      {draft ? (
        <WarningText>This is a draft: partners cannot see or sign it until it is published. This preview is exactly what they will read.</WarningText>
      ) : (
        <SummaryList
          rows={[
            { key: "Published", value: `${v.publishedOn} by ${v.publishedByLabel}` },
            { key: "Review due", value: d.version.reviewDue ? <><Tag colour="red">Review due</Tag> since {v.reviewDueOn}</> : v.reviewDueOn },
            { key: "Partners signed", value: `${d.signed} of ${d.partners.length}` },
            {
              key: "Certificate",
              value: (
                <Link className="govuk-link" to={`${base}/charter/${v.id}/certificate`}>
                  Signatures and audit trail (printable, CSV)
                </Link>
              ),
            },
          ]}
        />
      )}
      {d.state === "superseded" && d.currentVersion ? (
        <p className="govuk-body">
          Superseded by{" "}
          <Link className="govuk-link" to={`${base}/charter/${d.currentVersion.id}`}>
            version {d.currentVersion.number}
          </Link>
          : its signatures stay on its certificate, and partners sign the current version.
        </p>
      ) : null}

      {d.viewer && d.canSign && d.state === "current" ? (
        <div className="app-card app-no-print">
          {d.viewer.partnerStatus === "signed" ? (
            <p className="govuk-body">
              {d.viewer.organisationName} has signed this version.{" "}
              <Link className="govuk-link" to={`${base}/charter/${v.id}/sign`}>
                See the signature or withdraw it
              </Link>
            </p>
          ) : (
            <Link className="govuk-button govuk-!-margin-bottom-0" to={`${base}/charter/${v.id}/sign`}>
              Sign for {d.viewer.organisationName}
            </Link>
          )}
        </div>
      ) : null}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CharterText charter={v} />
        </div>
      </div>

      {draft && d.canManage ? (
        <div className="app-no-print">
          <h2 className="govuk-heading-m">Publish</h2>
          <p className="govuk-body">
            Last changed {v.updatedOn}.{" "}
            <Link className="govuk-link" to={`${base}/charter/${v.id}/edit`}>
              Edit the draft
            </Link>
          </p>
          {d.publishProblems.length ? (
            <WarningText>Before publishing: {d.publishProblems.join("; ").toLowerCase()}.</WarningText>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="version" value={v.version} />
              <p className="govuk-body">
                Publishing fixes this text and its fingerprint for good.{d.currentVersion ? ` It replaces version ${d.currentVersion.number}: every partner must sign again.` : ""}
              </p>
              <div className="govuk-form-group">
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  <div className="govuk-checkboxes__item">
                    <input className="govuk-checkboxes__input" id="sendRequests" name="sendRequests" type="checkbox" value="yes" defaultChecked />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor="sendRequests">
                      E-mail a signing request to every board member now
                    </label>
                  </div>
                </div>
              </div>
              <button type="submit" className="govuk-button">
                Publish version {v.number}
              </button>
            </Form>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="discard" />
            <input type="hidden" name="version" value={v.version} />
            <button type="submit" className="govuk-button govuk-button--warning">
              Discard this draft
            </button>
          </Form>
        </div>
      ) : null}

      {!draft ? (
        <PartnersTable
          caption={`${d.signed} of ${d.partners.length} partners signed version ${v.number}`}
          partners={d.partners}
          action={
            d.canManage && d.state === "current"
              ? (p) =>
                  p.status === "signed" ? (
                    <details className="govuk-details govuk-!-margin-bottom-0 app-no-print">
                      <summary className="govuk-details__summary">
                        <span className="govuk-details__summary-text">
                          Record a withdrawal<span className="govuk-visually-hidden"> for {p.organisationName}</span>
                        </span>
                      </summary>
                      <div className="govuk-details__text">
                        <Form method="post">
                          <input type="hidden" name="intent" value="withdraw" />
                          <input type="hidden" name="organisationId" value={p.organisationId} />
                          <label className="govuk-label" htmlFor={`reason-${p.organisationId}`}>
                            Why {p.organisationName} withdraws
                          </label>
                          <textarea className="govuk-textarea" id={`reason-${p.organisationId}`} name="reason" rows={2} />
                          <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                            Record the withdrawal
                          </button>
                        </Form>
                      </div>
                    </details>
                  ) : null
              : undefined
          }
        />
      ) : null}

      {d.canManage && d.state === "current" ? (
        <>
          <h2 className="govuk-heading-m">Signing requests</h2>
          <p className="govuk-body">
            Each board member of a partner that has not signed gets a personal link, valid for 30 days. A request is overdue after {d.reminderAfterDays} days; reminders carry a fresh
            link.
          </p>
          <div className="govuk-button-group app-no-print">
            {unasked ? (
              <ActionButton intent="send-requests" secondary={false}>
                Send requests to {unasked} {unasked === 1 ? "member" : "members"} not asked yet
              </ActionButton>
            ) : null}
            {due ? <ActionButton intent="remind-due">Remind {due} {due === 1 ? "member" : "members"} due a reminder</ActionButton> : null}
          </div>
          <Table
            id="requests"
            caption="Board members and their requests"
            rows={d.requests}
            rowKey={(r) => r.memberId}
            empty="No board member is on the board today."
            columns={[
              {
                key: "member",
                header: "Board member",
                cell: (r) => (
                  <>
                    {r.name}
                    <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
                      {r.jobTitle}, {r.organisationName}
                    </span>
                  </>
                ),
              },
              { key: "status", header: "Partner", cell: (r) => <><PartnerStatusTag status={r.partnerStatus} />{r.signedByThisMember ? " (signed by this member)" : ""}</> },
              {
                key: "request",
                header: "Request",
                cell: (r) =>
                  r.requestedAt ? (
                    <>
                      Sent {r.requestedAt}
                      {r.reminders ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{r.reminders} {r.reminders === 1 ? "reminder" : "reminders"}, last {r.lastSentAt}</span> : null}
                      <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{r.firstViewedAt ? `Opened ${r.firstViewedAt}` : "Not opened yet"}</span>
                      {r.overdue ? <Tag colour="orange">Overdue</Tag> : null}
                    </>
                  ) : (
                    "Not sent"
                  ),
              },
              {
                key: "action",
                header: <span className="govuk-visually-hidden">Actions</span>,
                cell: (r) =>
                  r.partnerStatus !== "awaiting" ? null : r.requestedAt ? (
                    <ActionButton intent="remind" fields={{ memberId: r.memberId }}>
                      Send reminder<span className="govuk-visually-hidden"> to {r.name}</span>
                    </ActionButton>
                  ) : (
                    <ActionButton intent="send-request" fields={{ memberId: r.memberId }}>
                      Send request<span className="govuk-visually-hidden"> to {r.name}</span>
                    </ActionButton>
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
