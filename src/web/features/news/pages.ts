export { PublicNewsListPage, PublicNewsPage } from './PublicNewsPages';
