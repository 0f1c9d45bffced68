/**
 * Typed errors thrown by services and domain code. One place (toHttpError) turns them into
 * responses, so a route never has to know which status each failure deserves.
 */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(what = "Not found") {
    super(what);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "Forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Someone else changed the record since the form was loaded (stale version). */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(message = "This record was changed by someone else after you opened it.") {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input the domain rejects beyond what the form schema could check (e.g. a duplicate name). */
export class InvalidError extends Error {
  readonly status = 422;
  constructor(
    message: string,
    /** Field name → message, shown beside the field. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "InvalidError";
  }
}

export type TypedError = NotFoundError | ForbiddenError | ConflictError | InvalidError;

export function isTypedError(error: unknown): error is TypedError {
  return error instanceof NotFoundError || error instanceof ForbiddenError || error instanceof ConflictError || error instanceof InvalidError;
}

/** A Response to throw from a loader or action; the error boundary renders it. Leaks no detail. */
export function toHttpError(error: TypedError): Response {
  const text = error.status === 404 ? "Not found" : error.status === 403 ? "Forbidden" : error.message;
  return new Response(text, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
