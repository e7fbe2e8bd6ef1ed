import type { ThemeConfig } from 'antd';

export const BRAND_BLUE = '#1d4e89';
const SIDER_BG = '#0f2744';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
  },
  components: {
    Layout: { siderBg: SIDER_BG, headerBg: '#ffffff', headerPadding: '0 16px', bodyBg: '#f3f5f8' },
    Menu: { darkItemBg: SIDER_BG, darkSubMenuItemBg: '#0b1f37', darkItemSelectedBg: '#2e6bb3' },
  },
};
