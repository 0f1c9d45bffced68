import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { Footer, Header, Main, SERVICE_NAME, ServiceNavigation } from "~/components/govuk/layout";
import { toHttpError } from "~/errors";
import { isTypedError } from "~/errors";
import { SECTIONS } from "~/sections";
import { getAuthorityBySlug } from "~/services/authorities/get-authority.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  try {
    const a = await getAuthorityBySlug(context.db, params.slug ?? "");
    return { authority: { slug: a.slug, name: a.name } };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.authority.name} – ${SERVICE_NAME}` : SERVICE_NAME }];

export default function AuthorityLayout() {
  const { authority } = useLoaderData<typeof loader>();
  const base = `/a/${authority.slug}`;
  return (
    <>
      <Header />
      <ServiceNavigation
        label={`${authority.name} sections`}
        serviceName={authority.name}
        serviceTo={base}
        items={SECTIONS.map((s) => ({ to: s.path ? `${base}/${s.path}` : base, label: s.label, end: s.path === "" }))}
      />
      <Main wide>
        <Outlet />
      </Main>
      <Footer />
    </>
  );
}
