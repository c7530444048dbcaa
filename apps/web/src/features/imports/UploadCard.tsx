import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Radio, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api-error';
import { useVocab } from '../../shared/use-vocab';
import { IMPORT_KINDS } from '../../shared/vocab';
import { useStartImport, type ImportForm, type ImportJob } from './imports.api';

interface UploadValues {
  kind: ImportForm['kind'];
  dryRun: boolean;
}

/** Uploads a CSV file of one kind, as a dry run (checked, nothing saved) unless the user unticks it. */
export function UploadCard({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const { options } = useVocab();
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const start = useStartImport();

  const submit = async (values: UploadValues) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      void message.warning(t('imports.noFile'));
      return;
    }
    setProblem(null);
    try {
      const job = await start.mutateAsync({ ...values, file });
      void message.success(t('imports.submitted'));
      setFiles([]);
      onStarted(job);
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <Card title={t('imports.upload')} data-testid="import-upload">
      <Form<UploadValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'retailers', dryRun: true }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="kind" label={t('imports.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={options('importKind', IMPORT_KINDS)}
          />
        </Form.Item>
        <Form.Item name="dryRun" valuePropName="checked">
          <Checkbox data-testid="import-dry-run">{t('imports.dryRun')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('imports.file')} required>
          <Upload.Dragger
            accept=".csv,text/csv"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.dragHint')}</p>
            <p className="ant-upload-hint">{t('imports.fileHint')}</p>
          </Upload.Dragger>
        </Form.Item>
        {problem !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('imports.failed')}
            description={
              isApiError(problem)
                ? `${problem.message}${problem.requestId ? ` (${t('common.requestId')}: ${problem.requestId})` : ''}`
                : String(problem)
            }
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<CloudUploadOutlined />}
          loading={start.isPending}
          disabled={files.length === 0}
          data-testid="import-start"
        >
          {start.isPending ? t('imports.uploading') : t('imports.start')}
        </Button>
      </Form>
    </Card>
  );
}
