import { z } from "zod";
import { notFound } from "../../auth/guards.server";
import { isTypedError, toHttpError } from "../../errors";

/** For loaders: a service's NotFoundError (a foreign or deleted id) becomes the 404 page, not a 500. */
export function orHttpError<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw isTypedError(error) ? toHttpError(error) : error;
  });
}

/** A route's id parameter: anything but a UUID is a page that does not exist. */
export function idParam(params: Record<string, string | undefined>, name: string): string {
  const id = z.uuid().safeParse(params[name]);
  if (!id.success) throw notFound();
  return id.data;
}
