export { FundsPage } from './FundsPage';
export { FundPage } from './FundPage';
export { LedgerVerificationPage } from './LedgerVerificationPage';
export { PublicFundPage } from './PublicFundPage';
