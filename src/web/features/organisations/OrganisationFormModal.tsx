import { Form, Input, Select } from 'antd';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '../../../domain/reference';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { ScopeUnitSelect } from '../admin-units/ScopeUnitSelect';
import { useUser } from '../auth/session';
import { organisationsApi, type Organisation } from './api';

interface Values {
  name: string;
  shortName?: string;
  kind: OrganisationKind;
  unitCode: string | null;
}

export function OrganisationFormModal({
  open,
  organisation,
  onClose,
  onSaved,
}: {
  open: boolean;
  organisation: Organisation | null;
  onClose: () => void;
  onSaved: (o: Organisation) => void;
}) {
  const t = useT();
  const actor = useUser();
  const editing = organisation !== null;

  const submit = (v: Values) => {
    const shortName = v.shortName?.trim() || null;
    if (organisation) {
      return organisationsApi.update(organisation.id, {
        name: v.name.trim(),
        shortName,
        kind: v.kind,
        version: organisation.version,
      });
    }
    return organisationsApi.create({ name: v.name.trim(), shortName, kind: v.kind, unitCode: v.unitCode ?? null });
  };

  return (
    <FormModal
      open={open}
      title={editing ? t('organisations.editTitle') : t('organisations.createTitle')}
      okText={editing ? t('common.save') : t('organisations.create')}
      onClose={onClose}
      submit={submit}
      onSaved={onSaved}
      initialValues={
        organisation
          ? {
              name: organisation.name,
              shortName: organisation.shortName ?? '',
              kind: organisation.kind,
              unitCode: organisation.unitCode,
            }
          : { kind: 'member_organisation', unitCode: actor.scope.communeCode ?? actor.scope.provinceCode ?? null }
      }
    >
      <Form.Item
        name="name"
        label={t('organisations.name')}
        rules={[{ required: true, whitespace: true, message: t('organisations.nameRequired') }, { max: 200 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="shortName" label={t('organisations.shortName')} rules={[{ max: 50 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="kind" label={t('organisations.kind')} rules={[{ required: true }]}>
        <Select options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t.label(ORGANISATION_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item
        name="unitCode"
        label={t('organisations.unit')}
        extra={editing ? t('organisations.unitFixed') : t('organisations.unitHelp')}
        rules={[{ required: actor.scope.level !== 'national', message: t('organisations.unitRequired') }]}
      >
        {editing ? (
          <Input disabled value={organisation.unitCode ? organisation.unitName : t('organisations.national')} />
        ) : (
          <ScopeUnitSelect />
        )}
      </Form.Item>
    </FormModal>
  );
}
