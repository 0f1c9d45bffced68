import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/a.$slug._index";
import { loader as workforceLoader } from "~/routes/a.$slug.workforce._index";
import { and, eq } from "drizzle-orm";
import { requireMembership } from "~/auth/guards.server";
import { countQueries } from "../../db/client";
import { membership } from "../../db/schema";
import { requestContext } from "../../server/app";
import { createAuthority, createSignedInUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest } from "../helpers/requests";

const t = useTestDatabase();

// The built app (npm test builds first), as the server runs it: root, layout and page loaders together.
async function handler() {
  const build = (await import(/* @vite-ignore */ pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  return createRequestHandler(build, "production");
}

describe("one request's loaders share their look-ups", () => {
  it("a whole page reads the session and the membership once: no more queries than its own loader alone", async () => {
    const handle = await handler();
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
    for (const [page, loader] of [["", dashboardLoader], ["/workforce", workforceLoader]] as const) {
      const url = `/a/${a.slug}${page}`;
      const base = testContext(t.db);
      // Twice each: the first may refresh the session's "last seen" and fill the read models.
      const document = async () => {
        const { result, queries } = await countQueries(() => handle(getRequest(url, { token: pm.token }), requestContext(base)));
        expect(result.status).toBe(200);
        return queries;
      };
      const pageOnly = async () => (await countQueries(() => call(loader, getRequest(url, { token: pm.token }), { slug: a.slug }, testContext(t.db)))).queries;
      await document();
      await pageOnly();
      // Root and authority layout resolve the session and membership too; shared, they cost nothing more.
      const queries = await document();
      expect(queries).toBe(await pageOnly());
      // One transaction for the session and the membership (scope, session, membership), then the
      // authority's data version, once for the dashboard's two kept read models.
      if (page === "") expect(queries).toBe(4);
    }
  });


  it("an action's look-ups are not shared: the loaders after it in the same request see what it changed", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
    const context = requestContext(testContext(t.db));
    const params = { slug: a.slug };
    const setRole = (role: string) => t.db.update(membership).set({ role }).where(and(eq(membership.userId, pm.user.id), eq(membership.authorityId, a.id)));

    // The action (a POST) reads the membership, then (say) changes it.
    expect((await requireMembership({ request: postRequest(`/a/${a.slug}`, {}, { token: pm.token }), context, params }, "authority:read")).role).toBe("programme-manager");
    await setRole("viewer");
    // The loaders that follow it in the same request (Remix gives them a GET) read afresh…
    const loader = () => requireMembership({ request: getRequest(`/a/${a.slug}`, { token: pm.token }), context, params }, "authority:read");
    expect((await loader()).role).toBe("viewer");
    // …and share that reading among themselves.
    await setRole("contributor");
    expect((await loader()).role).toBe("viewer");
    expect((await requireMembership({ request: getRequest(`/a/${a.slug}`, { token: pm.token }), context: requestContext(testContext(t.db)), params }, "authority:read")).role).toBe("contributor");
  });
});
