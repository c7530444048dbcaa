import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { session } from '../shared/api/client';
import { createQueryClient } from '../shared/query-client';
import { router } from './router';

export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const english = i18n.language === 'en';

  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);

  // A reload keeps the user signed in: one silent refresh from the httpOnly cookie. When the session ends,
  // for whatever reason, nothing the user could see stays in the cache.
  useEffect(() => {
    void session.restore();
    return session.subscribe(() => {
      if (session.getState().status === 'signed-out') queryClient.clear();
    });
  }, [queryClient]);

  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#b7282e', borderRadius: 6 } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
