// A UserError carries one sentence meant for the person at the keyboard: what is
// wrong with which file or field. Anything else that escapes a handler is a bug
// and is reported as such, never with a stack trace.
export class UserError extends Error {
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode = 'invalid') {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export type ErrorCode = 'invalid' | 'not-found' | 'conflict' | 'refused' | 'internal';

/** The shape every transport uses to carry a failure. */
export interface ErrorPayload {
  message: string;
  code: ErrorCode;
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof UserError) return { message: error.message, code: error.code };
  return { message: 'Factdesk hit an internal error; nothing was changed. Please report it.', code: 'internal' };
}
