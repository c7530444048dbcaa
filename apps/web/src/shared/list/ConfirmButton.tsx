import { StopOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ConfirmButtonProps {
  label: string;
  /** The question asked before the action is taken. */
  title: string;
  description?: string;
  okText?: string;
  /** A red OK button, for an action that cannot be taken back. */
  okDanger?: boolean;
  /** Why the action is not available for this row; the button is then disabled and says why on hover. */
  disabledReason?: string;
  onConfirm: () => Promise<unknown> | void;
  'data-testid'?: string;
}

/** A row action that takes a record out of use (deactivate, disable, revoke), asked for once more first. */
export function ConfirmButton({
  label,
  title,
  description,
  okText,
  okDanger,
  disabledReason,
  onConfirm,
  'data-testid': testId,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const disabled = disabledReason !== undefined;
  const button = (
    <Button type="link" size="small" danger icon={<StopOutlined />} disabled={disabled} data-testid={testId}>
      {label}
    </Button>
  );
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={okText ?? t('common.confirm')}
      okButtonProps={okDanger ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
      disabled={disabled}
    >
      {disabled ? <Tooltip title={disabledReason}>{button}</Tooltip> : button}
    </Popconfirm>
  );
}
