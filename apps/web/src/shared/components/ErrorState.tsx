import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';

export interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  compact?: boolean;
}

/** What the user can do with an error: read it, quote its request id to support, retry. */
export function ErrorState({ error, onRetry, title, compact }: ErrorStateProps) {
  const { t } = useTranslation();
  const apiError = isApiError(error) ? error : undefined;
  const description =
    apiError?.code === 'NETWORK'
      ? t('error.network')
      : apiError?.status === 403
        ? t('auth.forbidden')
        : apiError?.status === 404
          ? t('error.notFound')
          : apiError && apiError.status >= 500
            ? t('error.generic')
            : (apiError?.message ?? (error instanceof Error ? error.message : t('error.generic')));
  return (
    <Result
      status={apiError?.status === 404 ? '404' : 'error'}
      title={title ?? t('error.title')}
      style={compact ? { padding: 16 } : undefined}
      icon={compact ? null : undefined}
      subTitle={
        <>
          <div>{description}</div>
          {apiError?.requestId && (
            <Typography.Text
              type="secondary"
              copyable={{ text: apiError.requestId }}
              data-testid="request-id"
            >
              {t('common.requestId')}: {apiError.requestId}
            </Typography.Text>
          )}
        </>
      }
      extra={
        onRetry && (
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
