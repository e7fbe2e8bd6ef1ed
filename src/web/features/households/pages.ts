/** The registry's pages, one chunk loaded on first use (see app/App.tsx). */
export { AssessPage } from './assessments/AssessPage';
export { ComparisonPage } from './assessments/ComparisonPage';
export { HouseholdCreatePage } from './HouseholdCreatePage';
export { HouseholdPage } from './HouseholdPage';
export { HouseholdsPage } from './HouseholdsPage';
export { ImportPage } from './ImportPage';
