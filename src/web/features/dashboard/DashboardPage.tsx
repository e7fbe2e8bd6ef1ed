import { ArrowRightOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { RoleTags } from '../../components/RoleTags';
import { COMING_MODULES, NAVIGATION } from '../../app/navigation';
import { useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { scopeName } from '../../lib/scope';
import { areaLabel, useArea } from '../area/AreaContext';
import { useUser } from '../auth/session';
import { HOUSEHOLDS_PATH } from '../households/paths';
import { COORDINATION_PATH } from '../coordination/paths';
import { REVIEWS_PATH } from '../reviews/paths';
import { RemindersCard } from '../coordination/RemindersCard';

/** The modules, the ones in use first. */
const MODULE_CARDS = [
  { module: 'households', path: HOUSEHOLDS_PATH, coming: false },
  { module: 'fund', path: '/fund', coming: false },
  { module: 'coordination', path: COORDINATION_PATH, coming: false },
  { module: 'review', path: REVIEWS_PATH, coming: false },
  ...COMING_MODULES.map((m) => ({ module: m, path: `/${m}`, coming: true })),
];

export function DashboardPage() {
  const t = useT();
  const user = useUser();
  const { area } = useArea();
  const areaText = areaLabel(area);
  const moduleIcons = new Map(NAVIGATION.flatMap((n) => ('path' in n ? [[n.path, n.icon] as const] : [])));

  return (
    <div className="page">
      <PageHeader title={t('dashboard.greeting', { name: user.fullName })} description={t('dashboard.intro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('dashboard.account')} className="full-height">
            <Descriptions
              column={1}
              size="small"
              className="dashboard-account"
              items={[
                { key: 'fullName', label: t('users.fullName'), children: user.fullName },
                { key: 'username', label: t('users.username'), children: user.username },
                {
                  key: 'organisation',
                  label: t('users.organisation'),
                  children: user.organisation?.name ?? (
                    <Typography.Text type="secondary">{t('dashboard.noOrganisation')}</Typography.Text>
                  ),
                },
                {
                  key: 'scope',
                  label: t('dashboard.scope'),
                  children: (
                    <span data-testid="dashboard-scope">
                      {scopeName(t, user.scope)} <Tag>{t(`scopeLevels.${user.scope.level}` as MessageKey)}</Tag>
                    </span>
                  ),
                },
                { key: 'roles', label: t('users.roles'), children: <RoleTags roles={user.roles} /> },
                {
                  key: 'lastLogin',
                  label: t('dashboard.lastLogin'),
                  children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('dashboard.workingArea')} className="full-height">
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="dashboard-area">
              <EnvironmentOutlined /> {areaText.length > 0 ? areaText.join(' / ') : t('area.wholeCountry')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('dashboard.areaHint')}</Typography.Paragraph>
          </Card>
        </Col>
        <Col span={24}>
          <RemindersCard />
        </Col>
        <Col span={24}>
          <Typography.Title level={4}>{t('dashboard.modules')}</Typography.Title>
          <Row gutter={[16, 16]}>
            {MODULE_CARDS.map(({ module: m, path, coming }) => (
              <Col key={m} xs={24} sm={12} xl={8}>
                <Link to={path}>
                  <Card hoverable size="small" className="module-card">
                    <div className="module-card-head">
                      <span className="module-card-icon">{moduleIcons.get(path)}</span>
                      <Typography.Text strong>{t(`modules.${m}.title` as MessageKey)}</Typography.Text>
                      {coming && <Tag color="orange">{t('comingSoon.badge')}</Tag>}
                    </div>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '8px 0 0' }}>
                      {t(`modules.${m}.summary` as MessageKey)}
                    </Typography.Paragraph>
                    <span className="module-card-more">
                      {t('common.more')} <ArrowRightOutlined />
                    </span>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>
    </div>
  );
}
