import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireMembership } from "~/auth/guards.server";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { sectionByPath } from "~/sections";

/** A section of the navigation that is not built yet says so, rather than pretending. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:visit");
  const section = sectionByPath(args.params.section ?? "");
  if (!section || section.path === "" || section.built) throw notFound();
  if (!access.can(section.permission)) throw forbidden();
  return { label: section.label, summary: section.summary };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.label} – ${SERVICE_NAME}` : SERVICE_NAME }];

export default function UnbuiltSection() {
  const { label, summary } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{label}</h1>
      <p className="govuk-body">{summary}</p>
      <div className="govuk-inset-text">This section is not available yet. Nothing here is recorded or calculated.</div>
    </>
  );
}
