import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    /** Public base URL used in emailed links. Defaults to http://localhost:PORT. */
    APP_URL: z.url().optional(),
    /** A postgres:// URL selects a PostgreSQL server; without it the embedded PGlite database is used. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    /**
     * PostgreSQL: the tables' owner, used only to migrate and grant the app's role (DATABASE_URL's
     * user) what it needs. The app itself refuses to run as an owner, superuser or BYPASSRLS role.
     */
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    /** Folder of the embedded database (PGlite). */
    DATA_DIR: z.string().min(1).default(".data"),
    /** Load the demo authorities and accounts. Defaults to on for the embedded database, off otherwise. */
    DEMO_DATA: booleanFlag.optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    /** Resend's API address; tests point it at a local fake. */
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().min(3).default("Family Safeguarding tracker <no-reply@fs-tracker.localhost>"),
    /**
     * "required": national roles and programme managers must use two-factor sign-in (the default);
     * "optional": anyone may (the default on demo installs, so the demo accounts open at once).
     */
    TWO_FACTOR: z.enum(["required", "optional"]).optional(),
    /** Number of proxies in front of the app whose X-Forwarded-For can be trusted. */
    TRUST_PROXY: z.coerce.number().int().min(0).default(0),
    /** Read API requests allowed per personal token per minute; more get 429 with Retry-After. */
    API_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
  })
  .transform((env) => ({
    ...env,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    DEMO_DATA: env.DEMO_DATA ?? !env.DATABASE_URL,
    TWO_FACTOR: env.TWO_FACTOR ?? ((env.DEMO_DATA ?? !env.DATABASE_URL) ? "optional" : "required"),
  }));

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {}

/** Validates the environment once; a bad value stops start-up with a message naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
