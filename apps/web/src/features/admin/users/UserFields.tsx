import { Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountManagerSelect } from '../../reference/account-managers/AccountManagerSelect';
import { DistrictsSelect } from '../../reference/districts/DistrictsSelect';
import { PasswordInput } from './PasswordInput';
import type { UserFormValues } from './user-form';

/** The user form: the links to districts or a register record appear with the roles that use them. */
export function UserFields({
  form,
  creating,
  roleOptions,
}: {
  form: FormInstance<UserFormValues>;
  creating: boolean;
  roleOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const roles = Form.useWatch('roles', form) ?? [];
  return (
    <>
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={creating ? t('users.usernameHint') : undefined}
        rules={[
          { required: true, message: t('users.usernameRequired') },
          { pattern: /^[a-z][a-z0-9_.-]{2,49}$/, message: t('users.usernameHint') },
        ]}
      >
        <Input disabled={!creating} maxLength={50} autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={100} data-testid="user-display-name" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[{ required: true, message: t('users.rolesRequired') }]}
      >
        <Select mode="multiple" options={roleOptions} optionFilterProp="label" data-testid="user-roles" />
      </Form.Item>
      {roles.includes('district_manager') && (
        <Form.Item
          name="districtIds"
          label={t('users.districts')}
          extra={t('users.districtsHint')}
          rules={[{ required: true, message: t('users.districtsRequired') }]}
        >
          <DistrictsSelect placeholder={t('users.districtsPlaceholder')} data-testid="user-districts" />
        </Form.Item>
      )}
      {roles.includes('account_manager') && (
        <Form.Item
          name="accountManagerId"
          label={t('users.accountManager')}
          extra={t('users.accountManagerHint')}
          rules={[{ required: true, message: t('users.accountManagerRequired') }]}
        >
          <AccountManagerSelect />
        </Form.Item>
      )}
      {creating && (
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('users.initialPasswordHint')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <PasswordInput testId="user-password" />
        </Form.Item>
      )}
    </>
  );
}
