import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useFormat } from '../../shared/format/use-format';
import { useLogin, type LoginInput } from './auth.api';
import { safeNext, sessionEndMessage, signInErrorMessage } from './auth-errors';
import { AuthCard } from './AuthCard';
import { SessionPending } from './RequireSession';
import { useSession } from './use-session';

/** `/login?next=/customers/12`: sign in, then back to where the user was going. */
export function LoginPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  const state = useSession();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (state.status === 'unknown') return <SessionPending />;
  // Signed in (just now, or a reload restored the session): on to the intended page. A password that must be
  // changed first is the guard's business there.
  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  const failure = login.isError ? signInErrorMessage(login.error) : null;
  const ended = login.isIdle ? sessionEndMessage(state.reason) : null;

  return (
    <AuthCard title={t('auth.signInTitle')} testId="login-card">
      {ended && (
        <Alert
          type="info"
          showIcon
          title={t(ended.key)}
          style={{ marginBottom: 16 }}
          data-testid="login-notice"
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          title={t(failure.key, {
            ...failure.values,
            until: failure.values?.until ? format.dateTime(failure.values.until) : undefined,
          })}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form<LoginInput>
        layout="vertical"
        requiredMark={false}
        disabled={login.isPending}
        onFinish={(values) =>
          login.mutate({ username: values.username.trim().toLowerCase(), password: values.password })
        }
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            maxLength={50}
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            maxLength={128}
            data-testid="login-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={login.isPending}
          data-testid="login-submit"
        >
          {t('auth.signIn')}
        </Button>
      </Form>
    </AuthCard>
  );
}
