export { RoundsPage } from './RoundsPage';
export { RoundPage } from './RoundPage';
