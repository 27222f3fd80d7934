/**
 * An error a person caused and can fix: it carries the HTTP status and a plain sentence. The
 * error handler turns it into `{ error }`; anything else becomes a 500 that says only that the
 * hub failed, while the details go to the log.
 */
export class HubError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** 404 with a plain message. */
export const notFound = (what: string): HubError => new HubError(404, `${what} was not found`);
