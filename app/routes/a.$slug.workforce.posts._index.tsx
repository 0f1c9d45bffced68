import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { BackLink, Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatFte } from "~/domain/format";
import { listPosts } from "~/services/workforce/list-posts.server";

export const meta: MetaFunction = () => [{ title: `Posts – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf, isToday } = readAsOf(args.request, args.context.now());
  const show = new URL(args.request.url).searchParams.get("show") === "all" ? "all" : "adult";
  const posts = await listPosts(access.tenant, { asOf, adultOnly: show === "adult" });
  return { slug: access.authority.slug, name: access.authority.name, asOf, isToday, show, posts, canEdit: access.can("programme:edit") };
}

export default function Posts() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={`/a/${d.slug}/workforce`}>Workforce</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        {d.show === "all" ? "All posts" : "Adult specialist posts"}
      </h1>
      <AsOfForm asOf={d.asOf} isToday={d.isToday} extra={d.show === "all" ? { show: "all" } : undefined} />
      <p className="govuk-body app-no-print">
        {d.show === "all" ? (
          <Link className="govuk-link" to={`?asOf=${d.asOf}`}>
            Show adult specialist posts only
          </Link>
        ) : (
          <Link className="govuk-link" to={`?show=all&asOf=${d.asOf}`}>
            Show every Family Safeguarding post
          </Link>
        )}
        {" · "}
        <a className="govuk-link" href={`/a/${d.slug}/workforce/export?table=posts`} download>
          Download posts (CSV)
        </a>
        {" · "}
        <a className="govuk-link" href={`/a/${d.slug}/workforce/export?table=appointments`} download>
          Download holders (CSV)
        </a>
      </p>
      {d.canEdit ? (
        <Link className="govuk-button app-no-print" to={`/a/${d.slug}/workforce/posts/new`}>
          Add a post
        </Link>
      ) : null}
      <Table
        caption={`${d.posts.length} posts`}
        rows={d.posts}
        rowKey={(p) => p.id}
        empty="No posts recorded yet."
        columns={[
          {
            key: "ref",
            header: "Post",
            cell: (p) => (
              <Link className="govuk-link" to={`/a/${d.slug}/workforce/posts/${p.id}`}>
                {p.reference ?? p.title ?? p.role}
              </Link>
            ),
          },
          { key: "role", header: "Role", cell: (p) => (p.title ? `${p.role}: ${p.title}` : p.role) },
          { key: "team", header: "Team", cell: (p) => p.team },
          { key: "host", header: "Host", cell: (p) => p.host },
          { key: "fte", header: "FTE", cell: (p) => formatFte(p.fte), numeric: true },
          { key: "filled", header: "Filled FTE", cell: (p) => (p.established ? formatFte(p.filled) : "–"), numeric: true },
          {
            key: "status",
            header: "Status",
            cell: (p) =>
              !p.established ? (
                <Tag colour="grey">Not established</Tag>
              ) : p.filled >= p.fte ? (
                <Tag colour="green">Filled</Tag>
              ) : p.filled > 0 ? (
                <Tag colour="yellow">Part filled</Tag>
              ) : (
                <Tag colour="red">Vacant</Tag>
              ),
          },
          { key: "holders", header: "In post", cell: (p) => [...p.holders, ...p.starting.map((h) => `${h} (starting)`)].join("; ") },
        ]}
      />
    </>
  );
}
