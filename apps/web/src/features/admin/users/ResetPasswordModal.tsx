import { Alert, App, Form, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../shared/api/api-error';
import { passwordProblemMessage } from '../../auth/auth-errors';
import { FormModal } from '../../../shared/components/FormModal';
import { useOnOpen } from '../../../shared/form-dialog/use-on-open';
import { PasswordInput } from './PasswordInput';
import { generatePassword } from './user-form';
import { useResetPassword, type User } from './users.api';

/** The API's password-policy messages (on the `password` field) in the user's language. */
export function localizePasswordErrors(error: unknown, t: TFunction): unknown {
  if (!isApiError(error) || error.fieldErrors.length === 0) return error;
  const fields = error.fieldErrors.map((item) =>
    item.field === 'password'
      ? {
          ...item,
          messages: item.messages.map((text) => {
            const problem = passwordProblemMessage(text);
            return t(problem.key, problem.values ?? {});
          }),
        }
      : item,
  );
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new ApiError(error.status, error.code, error.message, error.requestId, { ...details, fields });
}

/**
 * An administrator sets a new password for someone: their sessions end, a lock-out is lifted, and they must
 * change the password at their next sign-in.
 */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reset = useResetPassword();
  const [form] = Form.useForm<{ password: string }>();

  useOnOpen(user, () => {
    form.setFieldsValue({ password: generatePassword() });
    reset.reset();
  });

  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    try {
      await reset.mutateAsync({ id: user.id, password });
      void message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    } catch (error) {
      const localized = localizePasswordErrors(error, t);
      const field = isApiError(localized)
        ? localized.fieldErrors.find((item) => item.field === 'password')
        : undefined;
      if (field) form.setFields([{ name: 'password', errors: field.messages }]);
    }
  };

  const failed = reset.isError && !(isApiError(reset.error) && reset.error.fieldErrors.length > 0);
  return (
    <FormModal<{ password: string }>
      form={form}
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('users.resetPassword')}
      busy={reset.isPending}
      onClose={onClose}
      onFinish={submit}
      // The form must exist before it opens: a generated password is put in it as it opens.
      forceRender
      data-testid="reset-password-modal"
      header={
        <>
          <Typography.Paragraph type="secondary">{t('users.resetPasswordHint')}</Typography.Paragraph>
          {user?.locked && (
            <Alert type="info" showIcon title={t('users.resetUnlocks')} style={{ marginBottom: 16 }} />
          )}
          {failed && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={isApiError(reset.error) ? reset.error.message : t('error.generic')}
            />
          )}
        </>
      }
    >
      <Form.Item
        name="password"
        label={t('users.newPassword')}
        extra={t('auth.policy.hint')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <PasswordInput testId="reset-password" />
      </Form.Item>
    </FormModal>
  );
}
