/**
 * What a survey records about a household and its dwelling, as the derivation reads it. Absent
 * optional facts mean "no" (not in school, no disability), except where noted.
 */
import type { CalendarDate, Sex } from './age';
import type { InformationDevice, SchoolLevel } from './types';

/** Work in the survey period; wage work is split by whether a labour contract was signed. */
export const WORK_STATUSES = [
  'wage_with_contract',
  'wage_without_contract',
  'own_account',
  'unemployed',
  'not_working',
] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const DURABILITIES = ['durable', 'non_durable'] as const;
export type Durability = (typeof DURABILITIES)[number];

export interface MemberFacts {
  name: string;
  dateOfBirth: string; // YYYY-MM-DD
  sex: Sex;
  healthInsurance: boolean;
  /** The school level attended now. */
  attending?: SchoolLevel;
  /** The highest level completed (certificate obtained). */
  education?: SchoolLevel;
  /** Enrolled in a vocational or other training course. */
  inTraining?: boolean;
  work?: WorkStatus;
  /** Absent means able to work. */
  ableToWork?: boolean;
  disability?: boolean;
  monthlySocialAllowance?: boolean;
  /** The latest measurement of a child; no record counts as not malnourished. */
  nutrition?: { stunted: boolean; underweight: boolean };
  /** Ill in the past 12 months without seeking treatment (2016–2020 indicator). */
  illUntreated?: boolean;
}

export interface DwellingFacts {
  walls: Durability;
  frame: Durability; // khung, cột
  roof: Durability;
  floorArea: number; // m²
  cleanWater: boolean;
  hygienicLatrine: boolean;
  /** Some member uses a phone or internet subscription. */
  telecomSubscription: boolean;
  devices: readonly InformationDevice[];
  hearsLoudspeaker: boolean;
  /** Some member uses the internet or digital services; absent = not recorded (new in 2027–2030). */
  internetUse?: boolean;
  /** Waste collected or disposed of hygienically; absent = not recorded (new in 2027–2030). */
  wasteHandledHygienically?: boolean;
}

export interface HouseholdFacts {
  members: readonly MemberFacts[];
  dwelling: DwellingFacts;
}

/** A member with ages at the survey date. */
export interface Person {
  facts: MemberFacts;
  age: number; // completed years
  months: number; // completed months
  schoolAge: number; // age reached in the calendar year the current school year began
}

export interface SurveyedHousehold {
  people: Person[];
  dwelling: DwellingFacts;
  surveyDate: CalendarDate;
}
