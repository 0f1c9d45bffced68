import { isTypedError, toHttpError } from "../../errors";

/** For loaders: a service's NotFoundError (a foreign or deleted id) becomes the 404 page, not a 500. */
export function orHttpError<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw isTypedError(error) ? toHttpError(error) : error;
  });
}
