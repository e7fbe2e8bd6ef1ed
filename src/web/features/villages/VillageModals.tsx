import { Alert, Form, Input, Select } from 'antd';
import { VILLAGE_KIND_LABELS, VILLAGE_KINDS, type VillageKind } from '../../../domain/reference';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { villagesApi, type Village } from './api';

interface FormValues {
  name: string;
  kind: VillageKind;
}

/** What both dialogs get: the village (null: none yet, or closed) and what to do after. */
interface VillageModalProps {
  village: Village | null;
  onClose: () => void;
  onSaved: (v: Village) => void;
}

/** Add a village to a commune, or rename one (and correct its kind). */
export function VillageFormModal({
  open,
  communeCode,
  communeName,
  village,
  onClose,
  onSaved,
}: VillageModalProps & { open: boolean; communeCode: string; communeName: string }) {
  const t = useT();

  return (
    <FormModal
      open={open}
      title={
        village
          ? t('villages.renameTitle', { name: village.name })
          : t('villages.createTitle', { commune: communeName })
      }
      okText={village ? t('common.save') : t('villages.create')}
      onClose={onClose}
      submit={(v: FormValues) =>
        village
          ? villagesApi.update(village.id, { name: v.name.trim(), kind: v.kind, version: village.version })
          : villagesApi.create({ communeCode, name: v.name.trim(), kind: v.kind })
      }
      onSaved={onSaved}
      initialValues={village ? { name: village.name, kind: village.kind } : { kind: 'thon' }}
    >
      <Form.Item name="kind" label={t('villages.kind')} rules={[{ required: true }]}>
        <Select options={VILLAGE_KINDS.map((k) => ({ value: k, label: t.label(VILLAGE_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('villages.name')}
        extra={t('villages.nameHelp')}
        rules={[{ required: true, whitespace: true, message: t('villages.nameRequired') }, { max: 100 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

/** Archive a village, giving the reason (merged, renamed by resolution…). */
export function VillageArchiveModal({ village, onClose, onSaved }: VillageModalProps) {
  const t = useT();

  return (
    <FormModal
      open={village !== null}
      title={village ? t('villages.archiveTitle', { name: village.name }) : ''}
      okText={t('villages.archive')}
      danger
      onClose={onClose}
      submit={(v: { reason: string }) =>
        villagesApi.archive(village!.id, { reason: v.reason.trim(), version: village!.version })
      }
      onSaved={onSaved}
      intro={<Alert type="info" showIcon title={t('villages.archiveText')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item
        name="reason"
        label={t('villages.archiveReason')}
        extra={t('villages.archiveReasonHelp')}
        rules={[{ required: true, whitespace: true, message: t('villages.reasonRequired') }, { max: 500 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
