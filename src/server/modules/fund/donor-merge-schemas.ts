import { z } from 'zod';
import { nameText, optionalText, versionField } from '../../platform/schemas';
import { FundDonorSchema } from './schemas';

/** Merge a duplicate donor (the path's) into the donor kept. */
export const DonorMergeSchema = z.strictObject({
  intoId: z.uuid('Mã nhà hảo tâm được giữ lại không hợp lệ').describe('Nhà hảo tâm được giữ lại'),
  version: versionField,
  reason: optionalText(500).optional().describe('Lý do gộp'),
});
export type DonorMergeReq = z.infer<typeof DonorMergeSchema>;

/** Undo a merge: the duplicate stands on its own again, with its receipts. */
export const DonorUnmergeSchema = z.strictObject({
  version: versionField,
  reason: nameText(500).describe('Lý do tách'),
});
export type DonorUnmergeReq = z.infer<typeof DonorUnmergeSchema>;

/** Donors of a fund's unit whose names read the same once accents, case, punctuation and "Cty" are set aside. */
export const DonorDuplicatesSchema = z.object({
  groups: z.array(z.object({ key: z.string(), donors: z.array(FundDonorSchema) })),
});
export type DonorDuplicates = z.infer<typeof DonorDuplicatesSchema>;
