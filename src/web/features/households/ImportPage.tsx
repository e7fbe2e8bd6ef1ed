import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Space, Steps, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ForbiddenResult } from '../../components/Results';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useArea } from '../area/AreaContext';
import { householdsApi, ImportRefused, type ImportCounts, type ImportProblem } from './api';
import { AreaLine, useCanManage } from './common';
import { HOUSEHOLDS_PATH } from './paths';

type Outcome =
  | { kind: 'done'; file: string; dryRun: boolean; counts: ImportCounts }
  | { kind: 'refused'; file: string; problems: ImportProblem[]; detail: string }
  | { kind: 'failed'; error: unknown };

/** Households from the commune's Excel workbook: download the template, upload, read the report. */
export function ImportPage() {
  const t = useT();
  const { area } = useArea();
  const communeCode = area.communeCode;
  const canManage = useCanManage(communeCode ? { provinceCode: area.provinceCode, communeCode } : undefined);
  if (communeCode && !canManage) return <ForbiddenResult />;
  return (
    <div className="page">
      <PageHeader
        title={t('households.importTitle')}
        description={t('households.importDescription')}
        extra={<Link to={HOUSEHOLDS_PATH}>{t('households.back')}</Link>}
      />
      <ImportSteps communeCode={communeCode} communeName={area.communeName} />
    </div>
  );
}

function ImportSteps({ communeCode, communeName }: { communeCode: string | null; communeName: string | null }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [downloading, setDownloading] = useState<'template' | 'annotated' | null>(null);

  const run = useMutation({
    mutationFn: () => householdsApi.import(communeCode!, file!, dryRun),
    onSuccess: (counts) => {
      setOutcome({ kind: 'done', file: file!.name, dryRun, counts });
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: ['households'] });
    },
    onError: (e) =>
      setOutcome(
        e instanceof ImportRefused
          ? {
              kind: 'refused',
              file: file!.name,
              problems: e.problems,
              detail: (t.lang === 'en' ? e.problem.detailEn : e.problem.detail) ?? '',
            }
          : { kind: 'failed', error: e },
      ),
  });

  const download = async (what: 'template' | 'annotated') => {
    setDownloading(what);
    try {
      if (what === 'template') await householdsApi.template(communeCode);
      else await householdsApi.annotated(communeCode!, file!, file!.name.replace(/\.xlsx$/iu, '-loi.xlsx'));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setDownloading(null);
    }
  };

  const pick = (chosen: File | undefined) => {
    setOutcome(null);
    if (!chosen) return;
    if (!/\.xlsx$/iu.test(chosen.name)) {
      setFile(null);
      void message.error(t('households.importNotXlsx'));
      return;
    }
    setFile(chosen);
  };

  return (
    <>
      <Card className="form-section">
        <Steps
          direction="vertical"
          current={file ? 1 : 0}
          items={[
            {
              title: t('households.importStep1'),
              description: (
                <div className="import-step">
                  <Typography.Paragraph type="secondary">{t('households.importStep1Text')}</Typography.Paragraph>
                  <Button
                    icon={<DownloadOutlined />}
                    loading={downloading === 'template'}
                    onClick={() => void download('template')}
                  >
                    {t('households.importTemplate')}
                  </Button>
                </div>
              ),
            },
            {
              title: t('households.importStep2'),
              description: communeCode ? (
                <div className="import-step">
                  <AreaLine
                    label={t('households.importCommuneValue', { commune: communeName ?? communeCode })}
                    hint={t('households.importCommuneHint')}
                  />
                  <input
                    ref={input}
                    type="file"
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    className="sr-only"
                    aria-label={t('households.importFile')}
                    onChange={(e) => {
                      pick(e.target.files?.[0]);
                      e.target.value = '';
                    }}
                  />
                  <Space wrap>
                    <Button icon={<FileExcelOutlined />} onClick={() => input.current?.click()}>
                      {t('households.importChoose')}
                    </Button>
                    <Typography.Text type={file ? undefined : 'secondary'} data-testid="import-file">
                      {file?.name ?? t('households.importNoFile')}
                    </Typography.Text>
                  </Space>
                  <div className="import-options">
                    <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
                      {t('households.importDryRun')}
                    </Checkbox>
                    <Typography.Text type="secondary" className="cell-secondary">
                      {t('households.importDryRunHelp')}
                    </Typography.Text>
                  </div>
                  <Button
                    type="primary"
                    icon={<UploadOutlined />}
                    disabled={!file}
                    loading={run.isPending}
                    onClick={() => run.mutate()}
                  >
                    {dryRun ? t('households.importCheck') : t('households.importRun')}
                  </Button>
                </div>
              ) : (
                <Empty description={t('households.importPickCommune')} />
              ),
            },
          ]}
        />
      </Card>
      {outcome?.kind === 'done' && <ImportDone outcome={outcome} />}
      {outcome?.kind === 'refused' && (
        <ImportErrors
          outcome={outcome}
          downloading={downloading === 'annotated'}
          onAnnotated={() => void download('annotated')}
        />
      )}
      {outcome?.kind === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('households.importFailed')}
          description={
            outcome.error instanceof ApiError && outcome.error.status === 404
              ? t('households.importUnavailable')
              : errorText(outcome.error)
          }
        />
      )}
    </>
  );
}

const COUNTED = [
  ['households', 'households.importHouseholds'],
  ['members', 'households.importMembers'],
  ['assessments', 'households.importAssessments'],
] as const;

function ImportDone({ outcome }: { outcome: Extract<Outcome, { kind: 'done' }> }) {
  const t = useT();
  const rows = COUNTED.map(([what, label]) => ({ what, label: t(label), ...outcome.counts[what] }));
  return (
    <Card
      className="form-section import-result"
      title={t('households.importCounts')}
      extra={!outcome.dryRun && <Link to={HOUSEHOLDS_PATH}>{t('households.importOpenList')}</Link>}
    >
      <Alert
        type="success"
        showIcon
        className="page-alert"
        title={
          outcome.dryRun
            ? t('households.importChecked', { file: outcome.file })
            : t('households.importDone', { file: outcome.file })
        }
      />
      <Table
        rowKey="what"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'what', title: t('households.importWhat'), dataIndex: 'label' },
          {
            key: 'created',
            title: t('households.importCreated'),
            align: 'right',
            render: (_: unknown, r) => formatNumber(r.created),
          },
          {
            key: 'updated',
            title: t('households.importUpdated'),
            align: 'right',
            render: (_: unknown, r) => formatNumber(r.updated),
          },
        ]}
      />
    </Card>
  );
}

function ImportErrors({
  outcome,
  downloading,
  onAnnotated,
}: {
  outcome: Extract<Outcome, { kind: 'refused' }>;
  downloading: boolean;
  onAnnotated: () => void;
}) {
  const t = useT();
  return (
    <Card
      className="form-section import-errors"
      title={t('households.importRefused', { file: outcome.file, count: outcome.problems.length })}
    >
      <Typography.Paragraph type="secondary">{outcome.detail || t('households.importErrorsHelp')}</Typography.Paragraph>
      <Button icon={<DownloadOutlined />} loading={downloading} onClick={onAnnotated} className="import-annotated">
        {t('households.importAnnotated')}
      </Button>
      <Table<ImportProblem & { n: number }>
        rowKey="n"
        size="small"
        dataSource={outcome.problems.map((p, n) => ({ ...p, n }))}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        columns={[
          { key: 'sheet', title: t('households.sheet'), dataIndex: 'sheet', width: 140 },
          { key: 'row', title: t('households.row'), dataIndex: 'row', width: 70, align: 'right' },
          {
            key: 'column',
            title: t('households.column'),
            width: 180,
            render: (_: unknown, p) => [p.column, p.cell && `(${p.cell})`].filter(Boolean).join(' '),
          },
          {
            key: 'reason',
            title: t('households.reason'),
            render: (_: unknown, p) => (t.lang === 'en' ? (p.messageEn ?? p.message) : p.message),
          },
        ]}
      />
    </Card>
  );
}
