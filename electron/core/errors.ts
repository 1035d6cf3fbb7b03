// A failure a service means to report: it crosses the contract as
// `{code, message, details?}` with a sentence the user can read.
import type { ContractError, ErrorCode } from '../../shared/contract';

export class AirlockError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AirlockError';
  }

  toContract(): ContractError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const internalError: ContractError = {
  code: 'internal',
  message: 'Something went wrong inside Airlock. The details are in its log; please try again.',
};
