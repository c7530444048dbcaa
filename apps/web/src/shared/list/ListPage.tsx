import { Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from '../components/PageHeader';

export interface ListPageProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons in the header, such as "New". */
  actions?: ReactNode;
  /** Navigation between sibling screens, under the header (tabs, say). */
  nav?: ReactNode;
  /** The filter controls above the list. */
  filters?: ReactNode;
  children: ReactNode;
}

/** The frame of a list screen: the header, then a card with the filters above the list. */
export function ListPage({ title, subtitle, actions, nav, filters, children }: ListPageProps) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} extra={actions} />
      {nav}
      <Card>
        {filters && (
          <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
            {filters}
          </Flex>
        )}
        {children}
      </Card>
    </>
  );
}
