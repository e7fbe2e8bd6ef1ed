/**
 * A support paid from the Fund for the Poor is also the fund's expenditure: one fact, so its
 * support kind and the fund's spending purpose (mục đích chi) must name each other. A policy loan
 * is the Bank for Social Policies' money, never the fund's.
 */
import type { Purpose } from '../fund';
import type { SupportKind } from './catalog';

export const FUND_PURPOSE_OF_KIND: Record<SupportKind, Purpose | null> = {
  house_build: 'house_build',
  house_repair: 'house_repair',
  production: 'production',
  vocational_training: 'education',
  job_placement: 'other',
  scholarship: 'education',
  health_insurance: 'medical',
  medical: 'medical',
  tet_gift: 'tet_gift',
  relief: 'relief',
  policy_loan: null,
  other: 'other',
};

/** The support kind an expenditure to a household becomes, when it is entered on the fund's page. */
export const KIND_OF_FUND_PURPOSE: Record<Purpose, SupportKind> = {
  house_build: 'house_build',
  house_repair: 'house_repair',
  production: 'production',
  education: 'scholarship',
  medical: 'medical',
  relief: 'relief',
  tet_gift: 'tet_gift',
  other: 'other',
};

/** The source code of the Fund for the Poor in the catalogue. */
export const FUND_SOURCE = 'fund';
