import type { z } from 'zod';
import type { AdminUnitRow } from './repo';
import type { AdminUnitSummarySchema } from './schemas';

export function presentUnit(row: AdminUnitRow): z.infer<typeof AdminUnitSummarySchema> {
  return {
    code: row.code,
    level: row.level as 'province' | 'district' | 'commune',
    name: row.name,
    fullName: row.fullName,
    unitType: row.unitType,
    parentCode: row.parentCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}
