import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { Main, SERVICE_NAME, ServiceNavigation } from "~/components/govuk/layout";
import { SECTIONS } from "~/sections";

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:visit");
  return {
    authority: { slug: access.authority.slug, name: access.authority.name },
    sections: SECTIONS.filter((s) => access.can(s.permission)).map((s) => ({ path: s.path, label: s.label })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.authority.name} – ${SERVICE_NAME}` : SERVICE_NAME }];

export default function AuthorityLayout() {
  const { authority, sections } = useLoaderData<typeof loader>();
  const base = `/a/${authority.slug}`;
  return (
    <>
      <ServiceNavigation
        label={`${authority.name} sections`}
        serviceName={authority.name}
        serviceTo={base}
        items={sections.map((s) => ({ to: s.path ? `${base}/${s.path}` : base, label: s.label, end: s.path === "" }))}
      />
      <Main wide>
        <Outlet />
      </Main>
    </>
  );
}
