import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Can } from './Can';
import type { Permission } from './permissions';

export interface CreateButtonProps {
  onClick: () => void;
  /** Shown only to users who hold it (a screen whose route already requires it needs none). */
  permission?: Permission;
  label?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/** The header's button that opens the form for a new record. */
export function CreateButton({
  onClick,
  permission,
  label,
  disabled,
  'data-testid': testId,
}: CreateButtonProps) {
  const { t } = useTranslation();
  const button = (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} disabled={disabled} data-testid={testId}>
      {label ?? t('common.create')}
    </Button>
  );
  return permission ? <Can permission={permission}>{button}</Can> : button;
}
