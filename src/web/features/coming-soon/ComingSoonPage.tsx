import { CheckCircleOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ComingModule } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

/** A tidy placeholder for a module still being built: what it will do, in a few lines. */
export function ComingSoonPage({ module }: { module: ComingModule }) {
  const t = useT();
  return (
    <div className="page">
      <PageHeader
        title={t(`modules.${module}.title`)}
        description={t(`modules.${module}.summary`)}
        extra={<Tag color="orange">{t('comingSoon.badge')}</Tag>}
      />
      <Card>
        <Result
          icon={<ToolOutlined />}
          title={t('comingSoon.title')}
          subTitle={t('comingSoon.subtitle')}
          extra={
            <Link to="/">
              <Button type="primary">{t('common.backHome')}</Button>
            </Link>
          }
        >
          <div className="coming-soon-body">
            <Typography.Text strong>{t('comingSoon.intro')}</Typography.Text>
            <ul className="coming-soon-list">
              {t.list(`modules.${module}.features`).map((item) => (
                <li key={item}>
                  <CheckCircleOutlined className="coming-soon-check" />
                  <span>{item}</span>
                </li>
              ))}
            </ul>
          </div>
        </Result>
      </Card>
    </div>
  );
}
