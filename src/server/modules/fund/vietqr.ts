import QRCode from 'qrcode';
import { transferNote, vietQrPayload } from '../../../domain/vietqr';
import { AppError } from '../../platform/errors';
import type { CampaignRow, FundRow } from './repo';

const noAccount = () =>
  new AppError(
    409,
    'fund_without_bank_account',
    'Quỹ chưa khai báo tài khoản ngân hàng (mã BIN và số tài khoản).',
    'The fund has no bank account (BIN and account number) yet.',
  );

/** The VietQR code to donate to a fund (and a campaign): payload, SVG image and the transfer note. */
export async function donationQr(fund: FundRow, campaign: Pick<CampaignRow, 'reference'> | null, amount?: number) {
  if (!fund.bankBin || !fund.accountNumber) throw noAccount();
  const note = transferNote(`UNG HO QVNN ${fund.communeCode ?? fund.provinceCode} ${campaign?.reference ?? ''}`);
  const payload = vietQrPayload({ bankBin: fund.bankBin, accountNumber: fund.accountNumber, amount, note });
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    payload,
    svg,
    note,
    bankBin: fund.bankBin,
    accountNumber: fund.accountNumber,
    accountHolder: fund.accountHolder,
    bankName: fund.bankName,
  };
}
