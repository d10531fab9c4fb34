// Expected failures carry a message meant for the user; anything else is a bug, logged and shown generically.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  readonly code: string = "DOMAIN";
}

export class ValidationError extends DomainError {
  readonly code = "VALIDATION";
  constructor(message: string, readonly fieldErrors: FieldErrors = {}) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = "UNAUTHENTICATED";
  constructor(message = "Your session has ended. Sign in again.") {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(message = "Not found, or you do not have access to it.") {
    super(message);
  }
}

/** A write made against a stale version, or that clashes with another row; `current` shows the winner. */
export class ConflictError<T = unknown> extends DomainError {
  readonly code = "CONFLICT";
  constructor(message: string, readonly current?: T) {
    super(message);
  }
}
