import { CalculatorOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { PUBLIC_CALCULATOR_PATH } from '../../app/paths';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { authApi } from './api';
import { useSession } from './session';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const errorText = useErrorText();
  const { user, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const mutation = useMutation({
    mutationFn: (v: Values) => authApi.login(v.username.trim(), v.password),
    onSuccess: (session) => {
      signedIn(session);
      void navigate(from === '/login' ? '/' : from, { replace: true });
    },
  });

  if (user && !mutation.isPending) return <Navigate to={from} replace />;

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <Logo />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('app.tagline')}
          </Typography.Paragraph>
        </div>
        <Typography.Title level={3} style={{ marginTop: 16 }}>
          {t('auth.loginTitle')}
        </Typography.Title>
        {mutation.isError && (
          <Alert
            type="error"
            showIcon
            title={errorText(mutation.error)}
            style={{ marginBottom: 16 }}
            role="alert"
            className="login-error"
          />
        )}
        <Form<Values> layout="vertical" onFinish={(v) => mutation.mutate(v)} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="login-footnote">
          {t('auth.loginHelp')}
        </Typography.Paragraph>
        <div className="login-public">
          <Typography.Text type="secondary">{t('auth.openCalculatorHint')}</Typography.Text>{' '}
          <Link to={PUBLIC_CALCULATOR_PATH} className="nowrap">
            <CalculatorOutlined /> {t('auth.openCalculator')}
          </Link>
        </div>
      </Card>
    </div>
  );
}
