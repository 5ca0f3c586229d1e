// Expected failures carry a code the UI maps to a message or a status; anything else is a bug.
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID_STATE" | "EXPIRED" | "ALREADY_DONE" | "RATE_LIMITED";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what = "This page") => new AppError("NOT_FOUND", `${what} does not exist.`);

export const isAppError = (err: unknown, code?: AppErrorCode): err is AppError =>
  err instanceof AppError && (code === undefined || err.code === code);

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", message);
  }
}
