import {
  ApartmentOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  DashboardOutlined,
  DiffOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  GiftOutlined,
  GlobalOutlined,
  HistoryOutlined,
  HomeOutlined,
  MoneyCollectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import type { Permissions } from '../features/users/api';
import { COMPARISON_PATH, HOUSEHOLDS_PATH } from '../features/households/paths';
import { PUBLIC_CALCULATOR_PATH } from './paths';
import { COORDINATION_PATH } from '../features/coordination/paths';
import { REVIEWS_PATH } from '../features/reviews/paths';
import { SUPPORT_PATH } from '../features/support/paths';

/** Modules still being built: each gets a "coming soon" page at its path. */
export const COMING_MODULES = ['reports'] as const;
export type ComingModule = (typeof COMING_MODULES)[number];

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only when the signed-in user has this permission. */
  permission?: keyof Permissions;
}

export interface NavGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  children: NavItem[];
}

const MODULE_ICONS: Record<ComingModule, ReactNode> = {
  reports: <BarChartOutlined />,
};

export const NAVIGATION: (NavItem | NavGroup)[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: HOUSEHOLDS_PATH, label: 'nav.households', icon: <HomeOutlined /> },
  { path: COMPARISON_PATH, label: 'nav.comparison', icon: <DiffOutlined /> },
  { path: '/fund', label: 'nav.fund', icon: <MoneyCollectOutlined /> },
  { path: COORDINATION_PATH, label: 'coordination.title', icon: <TeamOutlined /> },
  { path: REVIEWS_PATH, label: 'reviews.title', icon: <FileSearchOutlined /> },
  { path: SUPPORT_PATH, label: 'nav.support', icon: <GiftOutlined /> },
  ...COMING_MODULES.map((m) => ({ path: `/${m}`, label: `modules.${m}.title` as MessageKey, icon: MODULE_ICONS[m] })),
  {
    key: 'admin',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/users', label: 'nav.users', icon: <UserOutlined />, permission: 'manageUsers' },
      { path: '/admin/organisations', label: 'nav.organisations', icon: <ApartmentOutlined /> },
      { path: '/admin/villages', label: 'nav.villages', icon: <EnvironmentOutlined /> },
      { path: '/admin/audit', label: 'nav.audit', icon: <HistoryOutlined />, permission: 'viewAudit' },
      { path: '/admin/ledger', label: 'nav.ledger', icon: <SafetyCertificateOutlined />, permission: 'viewAudit' },
      { path: '/admin/units', label: 'nav.adminUnits', icon: <GlobalOutlined /> },
      { path: '/admin/standards', label: 'nav.standards', icon: <FileProtectOutlined />, permission: 'manageUsers' },
    ],
  },
  // The public calculator, for everyone: it opens outside the signed-in frame.
  { path: PUBLIC_CALCULATOR_PATH, label: 'nav.calculator', icon: <CalculatorOutlined /> },
];

/** The menu key that matches a location (longest matching path). */
export function selectedKey(pathname: string): string {
  const paths = NAVIGATION.flatMap((n) => ('children' in n ? n.children.map((c) => c.path) : [n.path]));
  const match = paths
    .filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? pathname;
}
