import { BranchesOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatVnd } from '../../../domain/coordination';
import { MODEL_KIND_LABELS } from '../../../domain/models';
import { SUPPORT_KIND_LABELS } from '../../../domain/support';
import { FormModal } from '../../components/FormModal';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { CategoryTag } from '../households/common';
import { HOUSEHOLDS_PATH } from '../households/paths';
import { supportQueries } from '../support/api';
import { modelsApi, type Comparison, type Model, type Participant } from './api';
import { ModelFormModal, ParticipantModal } from './ModelForms';
import { ExitRate } from './ModelsPage';
import { OutcomeTag } from './OutcomeTag';
import { MODELS_PATH, modelPath } from './paths';

type Dialog = 'edit' | 'participant' | 'replicate' | null;

/** One model: where and by whom, its budget and results, its households with their outcomes, its copies. */
export function ModelPage() {
  const { id = '' } = useParams();
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery({ queryKey: ['models', id], queryFn: () => modelsApi.get(id) });
  const sources = useQuery(supportQueries.sources());
  const sourceName = (code: string) => t.label(sources.data?.find((s) => s.code === code)?.name) || code;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const m = query.data;
  if (!m) return <Card loading />;

  const saved = (text: string) => (model: Model) => {
    setDialog(null);
    queryClient.setQueryData(['models', model.id], model);
    void queryClient.invalidateQueries({ queryKey: ['models'] });
    void message.success(text);
    if (model.id !== m.id) navigate(modelPath(model.id));
  };
  const money = (v: number | null) => (v === null ? t('common.none') : formatVnd(v));

  return (
    <div className="page">
      <PageHeader
        title={m.name}
        description={<Link to={MODELS_PATH}>{t('models.title')}</Link>}
        extra={
          <>
            <DownloadButton label={t('models.export')} download={() => modelsApi.exportOne(m.id)} />
            {m.canManage && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                  {t('models.edit')}
                </Button>
                <Button icon={<BranchesOutlined />} onClick={() => setDialog('replicate')}>
                  {t('models.replicate')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('participant')}>
                  {t('models.addParticipant')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, xl: 2 }}
          items={[
            { key: 'kind', label: t('models.kind'), children: t.label(MODEL_KIND_LABELS[m.kind]) },
            {
              key: 'place',
              label: t('models.commune'),
              children: [m.communeName, ...m.villages.map((v) => v.name)].join(' — '),
            },
            { key: 'lead', label: t('models.lead'), children: m.leadOrganisation.name },
            {
              key: 'partners',
              label: t('models.partners'),
              children: m.partnerOrganisations.map((o) => o.name).join('; ') || t('common.none'),
            },
            {
              key: 'period',
              label: t('models.period'),
              children: `${formatDate(m.startsOn)} – ${m.endsOn ? formatDate(m.endsOn) : t('models.ongoing')}`,
            },
            {
              key: 'budget',
              label: t('models.budget'),
              children: (
                <div>
                  {m.budget.map((b) => (
                    <div key={b.sourceCode}>
                      {sourceName(b.sourceCode)}: {formatVnd(b.amount)}
                    </div>
                  ))}
                  <strong>
                    {t('models.totalBudget')}: {formatVnd(m.totalBudget)}
                  </strong>
                </div>
              ),
            },
            ...(m.origin
              ? [
                  {
                    key: 'origin',
                    label: t('models.copyOf'),
                    children: <Link to={modelPath(m.origin.id)}>{m.origin.name}</Link>,
                  },
                ]
              : []),
            { key: 'expected', label: t('models.expectedResults'), children: m.expectedResults },
            { key: 'expectedIncome', label: t('models.expectedIncome'), children: money(m.expectedIncomeIncrease) },
            { key: 'actual', label: t('models.actualResults'), children: m.actualResults ?? t('common.none') },
            { key: 'actualIncome', label: t('models.actualIncome'), children: money(m.actualIncomeIncrease) },
          ]}
        />
      </Card>
      <Card title={t('models.outcome')} className="page-section">
        <div className="model-results">
          <Statistic title={t('models.participants')} value={m.results.participants} />
          <Statistic title={t('models.poorAtJoining')} value={m.results.poorAtJoining} />
          <Statistic title={t('models.nearPoorAtJoining')} value={m.results.nearPoorAtJoining} />
          <Statistic title={t('models.escapedPoverty')} value={m.results.escapedPoverty} />
          <Statistic title={t('models.escapedNearPoverty')} value={m.results.escapedNearPoverty} />
          <Statistic title={t('models.fellBack')} value={m.results.fellBack} />
          <Statistic
            title={t('models.povertyExitRate')}
            value={m.results.povertyExitRate === null ? '—' : `${Math.round(m.results.povertyExitRate * 100)}%`}
          />
        </div>
        <Typography.Paragraph type="secondary">{t('models.resultsNote')}</Typography.Paragraph>
        <Participants model={m} onRemoved={saved(t('models.participantRemoved'))} />
      </Card>
      <Replication model={m} />
      {dialog === 'participant' && (
        <ParticipantModal model={m} onClose={() => setDialog(null)} onSaved={saved(t('models.participantAdded'))} />
      )}
      {(dialog === 'edit' || dialog === 'replicate') && (
        <ModelFormModal
          mode={dialog}
          model={m}
          onClose={() => setDialog(null)}
          onSaved={saved(t(dialog === 'edit' ? 'models.saved' : 'models.replicated'))}
        />
      )}
    </div>
  );
}

function Participants({ model: m, onRemoved }: { model: Model; onRemoved: (model: Model) => void }) {
  const t = useT();
  const [removing, setRemoving] = useState<Participant | null>(null);
  const columns: TableProps<Participant>['columns'] = [
    {
      key: 'household',
      title: t('models.household'),
      render: (_, p) => (
        <>
          <Link to={`${HOUSEHOLDS_PATH}/${p.householdId}?tab=support`}>{p.householdCode}</Link> — {p.headName}
        </>
      ),
    },
    { key: 'joinedOn', title: t('models.joinedOn'), render: (_, p) => formatDate(p.joinedOn) },
    {
      key: 'before',
      title: t('models.before'),
      render: (_, p) => p.before && <CategoryTag category={p.before.category} />,
    },
    {
      key: 'now',
      title: t('models.now'),
      render: (_, p) =>
        p.now && (
          <>
            <CategoryTag category={p.now.category} /> {p.now.year}
          </>
        ),
    },
    { key: 'outcome', title: t('models.outcome'), render: (_, p) => <OutcomeTag outcome={p.outcome} /> },
    {
      key: 'received',
      title: t('models.received'),
      render: (_, p) =>
        p.received.map((s) => (
          <div key={s.id}>
            {t.label(SUPPORT_KIND_LABELS[s.kind])}: {formatVnd(s.value)}
          </div>
        )),
    },
    ...(m.canManage
      ? [
          {
            key: 'remove',
            render: (_: unknown, p: Participant) => (
              <Button size="small" type="link" danger onClick={() => setRemoving(p)}>
                {t('models.removeParticipant')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table<Participant>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={m.participants}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('models.noParticipants') }}
      />
      {removing && (
        <FormModal<{ reason: string }, Model>
          open
          danger
          title={t('models.removeTitle', { code: removing.householdCode })}
          okText={t('models.removeParticipant')}
          intro={<Typography.Paragraph>{t('models.removeText')}</Typography.Paragraph>}
          onClose={() => setRemoving(null)}
          submit={(v) => modelsApi.removeParticipant(m.id, removing.householdId, v.reason.trim())}
          onSaved={(model) => {
            setRemoving(null);
            onRemoved(model);
          }}
        >
          <Form.Item
            name="reason"
            label={t('models.removeReason')}
            rules={[{ required: true, whitespace: true, message: t('models.removeReasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function Replication({ model: m }: { model: Model }) {
  const t = useT();
  const comparison = useQuery({ queryKey: ['models', m.id, 'comparison'], queryFn: () => modelsApi.comparison(m.id) });
  const columns: TableProps<Comparison['items'][number]>['columns'] = [
    {
      key: 'name',
      title: t('models.name'),
      render: (_, c) => (
        <>
          {c.id === m.id ? <strong>{c.name}</strong> : <Link to={modelPath(c.id)}>{c.name}</Link>}
          {c.isOrigin && (
            <Tag className="inline-tag" color="purple">
              {t('models.isOrigin')}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'commune', title: t('models.commune'), dataIndex: 'communeName' },
    { key: 'startsOn', title: t('models.startsOn'), render: (_, c) => formatDate(c.startsOn) },
    { key: 'participants', title: t('models.participants'), align: 'right', render: (_, c) => c.results.participants },
    {
      key: 'escaped',
      title: t('models.escapedPoverty'),
      render: (_, c) => (
        <ExitRate escaped={c.results.escapedPoverty} of={c.results.poorAtJoining} rate={c.results.povertyExitRate} />
      ),
    },
    {
      key: 'perHousehold',
      title: t('models.budgetPerParticipant'),
      align: 'right',
      render: (_, c) => (c.budgetPerParticipant === null ? '—' : formatVnd(c.budgetPerParticipant)),
    },
    {
      key: 'income',
      title: t('models.actualIncome'),
      align: 'right',
      render: (_, c) => (c.actualIncomeIncrease === null ? '—' : formatVnd(c.actualIncomeIncrease)),
    },
  ];
  const single = (comparison.data?.items.length ?? 0) <= 1;
  return (
    <Card title={t('models.comparison')} className="page-section">
      {single ? (
        <Typography.Text type="secondary">{t('models.noCopies')}</Typography.Text>
      ) : (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={comparison.data?.items}
          loading={comparison.isPending}
          pagination={false}
          scroll={{ x: 800 }}
        />
      )}
    </Card>
  );
}
