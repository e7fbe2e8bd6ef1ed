export { RoundsPage } from './RoundsPage';
export { RoundPage } from './RoundPage';
export { RollupPage } from './RollupPage';
