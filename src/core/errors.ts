// One base error with a code and a cause. Expected failures (a bad document) are values the caller counts and
// reports; bugs throw.

export type ErrorCode =
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_ENCODING'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_INVALID'
  | 'INPUT_UNREADABLE'
  | 'DATA_INVALID'
  | 'GOLD_INVALID'
  | 'STORE_QUERY_INVALID'
  | 'STORE_VERSION'
  | 'REVIEW_INVALID'
  | 'REVIEW_NOT_FOUND';

export class SitrepError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SitrepError';
    this.code = code;
  }
}

/** A document or file that cannot be read: names the input and the reason. */
export class InputError extends SitrepError {
  readonly input: string;
  constructor(input: string, code: ErrorCode, reason: string, options?: { cause?: unknown }) {
    super(code, `${input}: ${reason}`, options);
    this.name = 'InputError';
    this.input = input;
  }
}

/** A data file (lexicon, gazetteer, gold file) that does not follow its format. */
export class DataError extends SitrepError {
  readonly file: string;
  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super('DATA_INVALID', `${file}: ${reason}`, options);
    this.name = 'DataError';
    this.file = file;
  }
}
