import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { isSafeMethod, originAllowed } from "../app/auth/csrf.server";
import type { RequestContext } from "../app/context";
import type { Env } from "../app/env.server";
import type { Database } from "../db/client";
import { securityHeaders } from "./security-headers";

export interface AppOptions {
  db: Database;
  env: Env;
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Folder holding public/ (static files and the browser build). */
  root?: string;
  /** Replaces the clock, for tests. */
  now?: () => Date;
}

/** The HTTP application: static files, security headers, then Remix with the request context. */
export function createApp({ db, env, build, root = process.cwd(), now = () => new Date() }: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(compression());
  app.use(securityHeaders(env));

  const publicDir = path.join(root, "public");
  // Fingerprinted browser build: cache for a year. Everything else in public/: an hour.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  // Pages and API paths have no file extension: skip the file-system look-up (a failed stat and
  // its error object on every page request) for them.
  const publicFiles = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
  // Browsers ask for /favicon.ico whatever the page says.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  app.use(requireSameOrigin(env));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => requestContext({ db, env, now, ip: req.ip ?? "unknown", nonce: res.locals.nonce as string }),
    }),
  );

  // Last resort: never show a stack trace.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    console.error("Unhandled error:", error);
    if (!res.headersSent) res.status(500).type("text/plain").send("Sorry, there is a problem with the service.");
  });
  return app;
}

/** What every loader and action of one request is given; `shared` is new for each request. */
export function requestContext(base: Omit<RequestContext, "shared">): RequestContext {
  return { ...base, shared: new Map() };
}

/**
 * Any state-changing request must come from a page of this service (see app/auth/csrf.server.ts).
 * The read API (/api/) is exempt: it takes bearer tokens, never cookies, and answers every
 * method but GET with 405, so a cross-site request can neither use a session nor change anything.
 */
function requireSameOrigin(env: Env) {
  const configured = new URL(env.APP_URL).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (isSafeMethod(req.method) || req.path.startsWith("/api/")) return next();
    const own = `${req.protocol}://${req.get("host")}`;
    if (originAllowed(req.get("origin"), [configured, own])) return next();
    res.status(403).type("text/plain").send("Forbidden: this request did not come from the service's own pages.");
  };
}
