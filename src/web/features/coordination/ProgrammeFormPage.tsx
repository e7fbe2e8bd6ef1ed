import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PROGRAMME_LEVELS, PROGRAMME_LEVEL_LABELS } from '../../../domain/coordination';
import { PageHeader } from '../../components/PageHeader';
import { ErrorResult, FullPageSpin } from '../../components/Results';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { useArea } from '../area/AreaContext';
import { coordinationApi, type Programme, type ProgrammeInput } from './api';
import { programmePath } from './paths';
import { DocumentsPicker, OrganisationsPicker } from './pickers';
import { useWorkingUnit } from './useWorkingUnit';

type Values = Omit<ProgrammeInput, 'signedOn' | 'unitCode'> & { signedOn: Dayjs };

/** A new coordination programme, signed at the working unit, with its numbered contents. */
export function ProgrammeCreatePage() {
  const unitCode = useWorkingUnit();
  return <ProgrammeForm unitCode={unitCode} />;
}

/** Edit a programme: every field, its contents and parties, its legal bases from the library. */
export function ProgrammeEditPage() {
  const { id } = useParams<{ id: string }>();
  const programme = useQuery({ queryKey: ['programmes', id], queryFn: () => coordinationApi.programme(id!) });
  if (programme.isPending) return <FullPageSpin />;
  if (programme.isError) return <ErrorResult error={programme.error} onRetry={() => programme.refetch()} />;
  // Keyed by version: a form opened again after a save starts from what was saved.
  return <ProgrammeForm key={programme.data.version} unitCode={programme.data.unitCode} editing={programme.data} />;
}

/** The form as it starts for a programme being edited: ids of organisations, texts and contents. */
const valuesOf = (p: Programme): Values => ({
  number: p.number,
  title: p.title,
  level: p.level,
  signedOn: dayjs(p.signedOn),
  signedPlace: p.signedPlace,
  partyIds: p.parties.map((o) => o.id),
  legalBasisIds: p.legalBases.map((d) => d.id),
  periodFrom: p.periodFrom,
  periodTo: p.periodTo,
  purposes: p.purposes,
  requirements: p.requirements,
  implementation: p.implementation,
  contents: p.contents.map((c) => ({
    id: c.id,
    title: c.title,
    scope: c.scope,
    responsibleId: c.responsible.id,
    coordinatingIds: c.coordinating.map((o) => o.id),
  })),
});

function ProgrammeForm({ unitCode, editing }: { unitCode: string | null; editing?: Programme }) {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { area } = useArea();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: ({ number, level, signedOn, ...v }: Values) => {
      const fields = { ...v, signedOn: signedOn.format('YYYY-MM-DD') };
      return editing
        ? coordinationApi.updateProgramme(editing.id, { ...fields, version: editing.version })
        : coordinationApi.createProgramme({ ...fields, number, level, unitCode: unitCode! });
    },
    onSuccess: async (p) => {
      message.success(t(editing ? 'coordination.programme.saved' : 'coordination.programme.created'));
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      navigate(programmePath(p.id));
    },
    onError: (e) => setError(applyFieldErrors(form, t, e) ? null : e),
  });
  const required = (field: string) => [{ required: true, message: t('coordination.programme.required', { field }) }];
  const label = (key: Parameters<typeof t>[0]) => t(key);
  const title = t(editing ? 'coordination.programme.editTitle' : 'coordination.programme.createTitle');
  // The organisations an edited programme names, so the pickers show their names before any search.
  const knownOrgs = editing
    ? [...editing.parties, ...editing.contents.flatMap((c) => [c.responsible, ...c.coordinating])]
    : [];
  if (!unitCode) {
    return (
      <div className="page">
        <PageHeader title={title} />
        <Alert type="info" showIcon title={t('coordination.programme.pickUnit')} />
      </div>
    );
  }
  const year = new Date().getFullYear();
  return (
    <div className="page">
      <PageHeader
        title={title}
        description={
          editing ? `${editing.number} · ${editing.unitName}` : (area.communeName ?? area.provinceName ?? undefined)
        }
      />
      {editing && (
        <Alert type="info" showIcon title={t('coordination.programme.fixedFields')} style={{ marginBottom: 16 }} />
      )}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          editing
            ? valuesOf(editing)
            : {
                level: area.communeCode ? 'commune' : 'province',
                periodFrom: year,
                periodTo: year + 4,
                signedPlace: area.communeName ?? area.provinceName ?? '',
                partyIds: [],
                legalBasisIds: [],
                contents: [{ title: '', scope: '', responsibleId: undefined as never, coordinatingIds: [] }],
              }
        }
      >
        <Card>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item
                name="number"
                label={label('coordination.programme.number')}
                rules={required(label('coordination.programme.number'))}
              >
                <Input placeholder="02/CTPH-SNNMT-MTTQ" disabled={!!editing} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="title"
                label={label('coordination.programme.title')}
                rules={required(label('coordination.programme.title'))}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="level" label={label('coordination.programme.level')}>
                <Select
                  disabled={!!editing}
                  options={PROGRAMME_LEVELS.map((l) => ({ value: l, label: t.label(PROGRAMME_LEVEL_LABELS[l]) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="signedOn"
                label={label('coordination.programme.signedOn')}
                rules={required(label('coordination.programme.signedOn'))}
              >
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                name="signedPlace"
                label={label('coordination.programme.signedPlace')}
                rules={required(label('coordination.programme.signedPlace'))}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="periodFrom" label={label('coordination.programme.periodFrom')}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="periodTo" label={label('coordination.programme.periodTo')}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="partyIds"
                label={label('coordination.programme.parties')}
                rules={required(label('coordination.programme.parties'))}
              >
                <OrganisationsPicker known={knownOrgs} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="legalBasisIds" label={label('coordination.programme.legalBases')}>
                <DocumentsPicker known={editing?.legalBases} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="purposes"
                label={label('coordination.programme.purposes')}
                rules={required(label('coordination.programme.purposes'))}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="requirements"
                label={label('coordination.programme.requirements')}
                rules={required(label('coordination.programme.requirements'))}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="implementation" label={label('coordination.programme.implementation')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('coordination.programme.contents')} style={{ marginTop: 16 }}>
          <Form.List name="contents">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    title={`${t('coordination.programme.content')} ${i + 1}`}
                    style={{ marginBottom: 12 }}
                    extra={
                      fields.length > 1 && (
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t('coordination.programme.removeContent')}
                          onClick={() => remove(field.name)}
                        />
                      )
                    }
                  >
                    <Row gutter={12}>
                      {/* A kept content keeps its id, so the tasks planned under it stay with it. */}
                      <Form.Item name={[field.name, 'id']} hidden>
                        <Input />
                      </Form.Item>
                      <Col span={24}>
                        <Form.Item
                          name={[field.name, 'title']}
                          label={label('coordination.programme.contentTitle')}
                          rules={required(label('coordination.programme.contentTitle'))}
                        >
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col span={24}>
                        <Form.Item
                          name={[field.name, 'scope']}
                          label={label('coordination.programme.scope')}
                          rules={required(label('coordination.programme.scope'))}
                        >
                          <Input.TextArea rows={2} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item
                          name={[field.name, 'responsibleId']}
                          label={label('coordination.programme.responsible')}
                          rules={required(label('coordination.programme.responsible'))}
                        >
                          <OrganisationsPicker multiple={false} known={knownOrgs} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item
                          name={[field.name, 'coordinatingIds']}
                          label={label('coordination.programme.coordinating')}
                        >
                          <OrganisationsPicker known={knownOrgs} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ title: '', scope: '', coordinatingIds: [] })}>
                  {t('coordination.programme.addContent')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <div style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
