// One small error type for the whole domain layer. Callers (server actions,
// route handlers, CLI scripts) map the code to a status or a message.
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID_INPUT" | "UNAUTHORIZED";

export type FieldErrors = Record<string, string[]>;

// A save refused because the record changed since the form was opened: who
// changed it and when, what they changed, and the record as it is now (as form
// values) so the form can show their change and keep the person's own text.
export interface ConflictDetail {
  by: string;
  at: string;
  changes: string[];
  version: number;
  current: Record<string, string>;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly conflict?: ConflictDetail;

  constructor(code: AppErrorCode, message: string, fieldErrors?: FieldErrors, conflict?: ConflictDetail) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.conflict = conflict;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
};
