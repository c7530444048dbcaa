import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { downloadFile } from '../api/download';

/**
 * A download of an API file. A plain link would go without the session's token (it is not a cookie), so the
 * file is fetched with it and handed to the browser; the link stays as the address to copy.
 */
export function DownloadButton({
  href,
  children,
  'data-testid': testId,
}: {
  href: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      href={href}
      loading={busy}
      data-testid={testId}
      onClick={(event) => {
        event.preventDefault();
        setBusy(true);
        downloadFile(href)
          .catch((error: unknown) => {
            void message.error(
              isApiError(error) && error.code === 'NETWORK'
                ? t('error.network')
                : isApiError(error)
                  ? error.message
                  : t('error.generic'),
            );
          })
          .finally(() => setBusy(false));
      }}
    >
      {children}
    </Button>
  );
}
