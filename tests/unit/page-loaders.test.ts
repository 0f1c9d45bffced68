import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve("app/routes");

/**
 * A page's loader cannot answer with a file: on a browser's request Remix renders the page with
 * the file's text as its data (the board's and the certificate's downloads answered 500 that way,
 * while their loaders, called directly, passed). Downloads are resource routes (no component),
 * like the `*.export` and `*.download` routes.
 */
describe("page loaders", () => {
  it("never build a file response: downloads live in resource routes", () => {
    const offenders = readdirSync(ROUTES)
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) => {
        const source = readFileSync(path.join(ROUTES, file), "utf8");
        if (!/^export default /m.test(source)) return false;
        return /\bcsvResponse\(|\breportDownload\(|return new Response\(/.test(source);
      });
    expect(offenders).toEqual([]);
  });
});
