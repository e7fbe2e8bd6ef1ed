/**
 * Errors of the standards engine. The server maps them to 400 responses by `code` and `field`
 * (never by message text); the messages are ready to show in either language.
 */
export type PovertyErrorCode =
  'unknown_indicator' | 'invalid_input' | 'invalid_standard' | 'override_reason_required' | 'duplicate_override';

export class PovertyError extends Error {
  constructor(
    readonly code: PovertyErrorCode,
    /** The offending input, as a path ("deprivations", "members[2].dateOfBirth"). */
    readonly field: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'PovertyError';
  }
}

export function unknownIndicator(field: string, indicator: string, standardId: string): PovertyError {
  return new PovertyError(
    'unknown_indicator',
    field,
    `Chỉ số "${indicator}" không thuộc chuẩn nghèo ${standardId}.`,
    `Indicator "${indicator}" is not part of standard ${standardId}.`,
  );
}

export function invalidInput(field: string, vi: string, en: string): PovertyError {
  return new PovertyError('invalid_input', field, vi, en);
}
