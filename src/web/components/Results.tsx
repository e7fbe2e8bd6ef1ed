import { Button, Result, Spin } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { useErrorText } from '../lib/errors';

export function FullPageSpin() {
  const t = useT();
  return (
    <div className="full-page-center">
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

export function NotFoundResult() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={t('errors.notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenResult() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const text = useErrorText();
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={text(error)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
