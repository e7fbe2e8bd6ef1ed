import { DeleteOutlined, HomeOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ForbiddenResult } from '../../components/Results';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { useArea } from '../area/AreaContext';
import { householdsApi, type Dwelling, type HouseholdFields } from './api';
import { useCanManage } from './common';
import {
  DwellingFields,
  EMPTY_DWELLING,
  HouseholdFieldsForm,
  householdFromForm,
  MemberFields,
  memberFromForm,
  NEW_MEMBER,
  type MemberForm,
} from './fields';
import { HOUSEHOLDS_PATH, householdPath } from './paths';

interface CreateForm extends HouseholdFields {
  villageId: string;
  members: MemberForm[];
  dwelling: Dwelling;
}

/** A new household with its members and dwelling, saved in one request. */
export function HouseholdCreatePage() {
  const t = useT();
  const { area } = useArea();
  const communeCode = area.communeCode;
  const canManage = useCanManage(communeCode ? { provinceCode: area.provinceCode, communeCode } : undefined);

  if (!communeCode) {
    return (
      <div className="page">
        <PageHeader title={t('households.create')} />
        <Card>
          <Empty image={<HomeOutlined className="empty-icon" />} description={t('households.pickCommuneToCreate')} />
        </Card>
      </div>
    );
  }
  if (!canManage) return <ForbiddenResult />;
  return (
    <CreateForm
      key={communeCode}
      communeCode={communeCode}
      communeName={area.communeName ?? communeCode}
      villageId={area.villageId}
    />
  );
}

function CreateForm({
  communeCode,
  communeName,
  villageId,
}: {
  communeCode: string;
  communeName: string;
  villageId: string | null;
}) {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const [error, setError] = useState<unknown>(null);

  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      householdsApi.create({
        ...householdFromForm(v),
        communeCode,
        villageId: v.villageId,
        dwelling: { ...EMPTY_DWELLING, ...v.dwelling },
        members: v.members.map(memberFromForm),
      }),
    onSuccess: (household) => {
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      void message.success(t('households.created', { code: household.code }));
      void navigate(householdPath(household.id));
    },
    onError: (e) => {
      setError(applyFieldErrors(form, t, e) ? t('households.fixErrors') : e);
    },
  });

  return (
    <div className="page">
      <PageHeader
        title={t('households.createTitle', { commune: communeName })}
        description={t('households.createIntro')}
        extra={<Link to={HOUSEHOLDS_PATH}>{t('households.back')}</Link>}
      />
      <Form<CreateForm>
        form={form}
        layout="vertical"
        className="household-form"
        scrollToFirstError
        initialValues={{
          villageId: villageId ?? undefined,
          area: 'rural',
          ethnicMinority: false,
          policyFlags: [],
          members: [{ ...NEW_MEMBER, relation: 'head' }],
          dwelling: EMPTY_DWELLING,
        }}
        onFinish={(v) => {
          setError(null);
          create.mutate(v);
        }}
        onFinishFailed={() => setError(t('households.fixErrors'))}
      >
        <Card title={t('households.sectionHousehold')} className="form-section">
          <HouseholdFieldsForm communeCode={communeCode} />
        </Card>
        <Form.List
          name="members"
          rules={[
            {
              validator: async (_, members: MemberForm[] | undefined) => {
                if ((members ?? []).filter((m) => m?.relation === 'head').length !== 1) {
                  throw new Error(t('households.oneHead'));
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Card title={t('households.sectionMembers')} className="form-section">
              {fields.map((field, index) => (
                <div key={field.key} className="member-block" data-testid={`member-${index}`}>
                  <div className="member-block-head">
                    <strong>{t('households.memberN', { n: index + 1 })}</strong>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('households.removeMember')}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </div>
                  <MemberFields name={[field.name]} allowHead />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_MEMBER, relation: 'child' })}>
                {t('households.addMember')}
              </Button>
            </Card>
          )}
        </Form.List>
        <Card title={t('households.sectionDwelling')} className="form-section">
          <DwellingFields name={['dwelling']} />
        </Card>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            className="form-error"
            title={typeof error === 'string' ? error : errorText(error)}
          />
        )}
        <Space className="form-actions">
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('households.submitCreate')}
          </Button>
          <LinkButton to={HOUSEHOLDS_PATH}>{t('common.cancel')}</LinkButton>
        </Space>
      </Form>
    </div>
  );
}
