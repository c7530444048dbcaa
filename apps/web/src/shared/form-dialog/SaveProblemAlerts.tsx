import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SaveProblems } from './use-save-problems';

export interface SaveProblemAlertsProps {
  problems: SaveProblems;
  /** Reloads the record after a stale version; without it the alert only explains. */
  onReload?: () => void;
  reloading?: boolean;
}

/** Above a record's form: a stale version explains itself and offers a reload; other failures are shown. */
export function SaveProblemAlerts({ problems, onReload, reloading }: SaveProblemAlertsProps) {
  const { t } = useTranslation();
  const { stale, failure, otherFields } = problems;
  return (
    <>
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('error.staleTitle')}
          description={t('error.staleDescription')}
          data-testid="stale-version"
          action={
            onReload && (
              <Button icon={<ReloadOutlined />} loading={reloading} onClick={onReload}>
                {t('common.reload')}
              </Button>
            )
          }
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('profile.saveFailed')}
          description={failure}
        />
      )}
      {otherFields.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16, whiteSpace: 'pre-line' }}
          title={t('error.otherFields')}
          description={otherFields.map((error) => `${error.field}: ${error.messages.join('; ')}`).join('\n')}
        />
      )}
    </>
  );
}
