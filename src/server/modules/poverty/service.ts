import {
  BUILTIN_STANDARDS,
  classify,
  findStandard,
  PovertyError,
  type StandardDefinition,
} from '../../../domain/poverty';
import { AppError, errors } from '../../platform/errors';
import type { ClassifyReq } from './schemas';

/** The standards in force for classification: the built-in ones (loaded standards come later). */
function catalogue(): readonly StandardDefinition[] {
  return BUILTIN_STANDARDS;
}

function statusOf(standard: StandardDefinition): 'confirmed' | 'provisional' {
  const parts = [
    ...standard.legalBasis,
    ...standard.lines,
    ...standard.rules,
    ...standard.dimensions,
    ...standard.dimensions.flatMap((d) => d.indicators),
  ];
  return parts.some((p) => p.status === 'provisional') ? 'provisional' : 'confirmed';
}

export function listPublishedStandards() {
  const items = catalogue().map((s) => ({ ...s, status: statusOf(s) }));
  return { items, total: items.length };
}

/** The public calculator: classify answers typed in by anyone, with an explanation. */
export function classifyAnswers(input: ClassifyReq) {
  const standard = findStandard(input.standard, catalogue());
  if (!standard) {
    const known = catalogue()
      .map((s) => s.id)
      .join(', ');
    throw errors.invalid(
      'standard',
      `Không có chuẩn nghèo "${input.standard}" (có: ${known}).`,
      `Unknown standard "${input.standard}" (known: ${known}).`,
    );
  }
  try {
    const result = classify(standard, input, { explain: true });
    return { ...result, deprivations: [...result.deprivations] };
  } catch (error) {
    if (error instanceof PovertyError)
      throw new AppError(400, 'validation_failed', error.vi, error.en, [
        { field: error.field, message: error.vi, messageEn: error.en },
      ]);
    throw error;
  }
}
