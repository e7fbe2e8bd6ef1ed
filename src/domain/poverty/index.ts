/** The poverty-standards engine: pure, shared by the server and the browser. */
export * from './types';
export { PovertyError, type PovertyErrorCode } from './errors';
export { RETIREMENT_AGE, retirementAgeInMonths, type Sex } from './age';
export { withoutHealthDetail, type Derivation, type Reason } from './derivers';
export {
  BUILTIN_STANDARDS,
  STANDARD_2016_2020,
  STANDARD_2022_2025,
  STANDARD_2027_2030,
  findStandard,
  standardForYear,
} from './builtin';
export { checkStandard, type StandardProblem } from './standard';
export { StandardDefinitionSchema, parseStandard, type StandardParseResult } from './validate';
export { classify, type Classification, type ClassifyInput, type ExplainedClassification } from './classify';
export {
  DURABILITIES,
  WORK_STATUSES,
  type Durability,
  type DwellingFacts,
  type HouseholdFacts,
  type MemberFacts,
  type WorkStatus,
} from './facts';
export {
  applyOverrides,
  derive,
  deprivedIndicators,
  type AssessedIndicator,
  type DerivedIndicator,
  type IndicatorOverride,
} from './derive';
export { compareStandards, type ComparedHousehold, type StandardComparison } from './compare';
export { formatVnd } from './format';
