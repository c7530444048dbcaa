import { Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormModalProps<V extends object> {
  form: FormInstance<V>;
  open: boolean;
  title: string;
  okText: string;
  busy: boolean;
  onClose: () => void;
  onFinish: (values: V) => Promise<unknown>;
  /** Notices and errors above the fields. */
  header?: ReactNode;
  initialValues?: Partial<V>;
  /** Mounts the form before the first opening, for callers that fill it in as it opens. */
  forceRender?: boolean;
  width?: number;
  children: ReactNode;
  'data-testid'?: string;
}

/** A form in a modal whose OK button submits it; `EntityFormModal` adds a record's create/edit errors. */
export function FormModal<V extends object>({
  form,
  open,
  title,
  okText,
  busy,
  onClose,
  onFinish,
  header,
  initialValues,
  forceRender,
  width,
  children,
  'data-testid': testId,
}: FormModalProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender={forceRender}
      width={width}
      data-testid={testId}
    >
      {header}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void onFinish(values)}
      >
        {children}
      </Form>
    </Modal>
  );
}
