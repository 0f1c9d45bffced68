import { createStaticHandler, createStaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";

/**
 * patches/react-router-dom+6.30.4.patch: a server render converts one route array into data
 * routes once, so every request's router shares them (and the router's ranked branches).
 * If `npm install` stops applying the patch, this fails.
 */
describe("the patched static router", () => {
  it("gives the same data routes for the same route array, with each request's own matches", async () => {
    const routes = [{ id: "root", path: "/", children: [{ id: "a", path: "a/:id" }, { id: "b", path: "b" }] }];
    const handler = createStaticHandler(routes);
    const first = await handler.query(new Request("http://localhost/a/1"));
    const second = await handler.query(new Request("http://localhost/b"));
    if (first instanceof Response || second instanceof Response) throw new Error("expected contexts");
    const one = createStaticRouter(routes, first);
    const two = createStaticRouter(routes, second);
    expect(two.routes).toBe(one.routes);
    expect(one.state.matches.map((m) => [m.route.id, m.params])).toEqual([["root", { id: "1" }], ["a", { id: "1" }]]);
    expect(two.state.matches.map((m) => m.route.id)).toEqual(["root", "b"]);
    expect(createStaticRouter([...routes], first).routes).not.toBe(one.routes);
  });
});
