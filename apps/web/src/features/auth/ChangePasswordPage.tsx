import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/api-error';
import { useChangePassword, useSignOut, type ChangePasswordInput } from './auth.api';
import { passwordProblemMessage, safeNext } from './auth-errors';
import { AuthCard } from './AuthCard';
import { useSession } from './use-session';

type Values = ChangePasswordInput & { confirm: string };

/**
 * Change your own password: from the user menu, or forced after an administrator set the password. The
 * server's policy errors go under the new-password field; afterwards every session has ended, so the user
 * signs in again with the new password.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = useSession();
  const change = useChangePassword();
  const signOut = useSignOut();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const forced = state.user?.mustChangePassword ?? false;
  const next = safeNext(params.get('next'));

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setFailure(null);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        form.setFields([{ name: 'currentPassword', errors: [t('auth.currentPasswordWrong')] }]);
      } else if (isApiError(error) && error.fieldErrors.length > 0) {
        form.setFields(
          error.fieldErrors.map((item) => ({
            name: item.field === 'currentPassword' ? 'currentPassword' : 'newPassword',
            errors: item.messages.map((message) => {
              const problem = passwordProblemMessage(message);
              return t(problem.key, problem.values ?? {});
            }),
          })),
        );
      } else {
        setFailure(isApiError(error) && error.code === 'NETWORK' ? t('error.network') : t('error.generic'));
      }
    }
  };

  return (
    <AuthCard title={t('auth.changePasswordTitle')} testId="change-password-card">
      {forced && (
        <Alert
          type="warning"
          showIcon
          title={t('auth.mustChangePassword')}
          style={{ marginBottom: 16 }}
          data-testid="must-change-password"
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={change.isPending}
        onFinish={(values) => void submit(values)}
      >
        {/* The username, for password managers. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={state.user?.username ?? ''}
          readOnly
          hidden
        />
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            maxLength={128}
            data-testid="current-password"
          />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('auth.policy.hint')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            maxLength={128}
            data-testid="new-password"
          />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            maxLength={128}
            data-testid="confirm-password"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('auth.changePasswordNote')}
        </Typography.Paragraph>
        <Flex gap={8} justify="flex-end">
          {forced ? (
            <Button onClick={() => void signOut()}>{t('auth.signOut')}</Button>
          ) : (
            <Button onClick={() => void navigate(next)}>{t('common.cancel')}</Button>
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={change.isPending}
            data-testid="change-password-submit"
          >
            {t('auth.changePassword')}
          </Button>
        </Flex>
      </Form>
    </AuthCard>
  );
}
