import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/a.$slug._index";
import { loader as workforceLoader } from "~/routes/a.$slug.workforce._index";
import { countQueries } from "../../db/client";
import { requestContext } from "../../server/app";
import { createAuthority, createSignedInUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest } from "../helpers/requests";

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
      // page's data version (the dashboard's two kept read models ask once each).
      if (page === "") expect(queries).toBe(5);
    }
  });

});
