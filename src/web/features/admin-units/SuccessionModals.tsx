import { Alert, Form, Input, Radio } from 'antd';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { adminUnitsApi, type LinkedUnit } from './api';

interface ConfirmValues {
  predecessorCode: string;
  kind: 'full' | 'partial';
}

/** Confirm a machine-extracted succession link (whole or part of the old unit), or add a missing one. */
export function ConfirmSuccessionModal({
  open,
  successorCode,
  link,
  onClose,
  onSaved,
}: {
  open: boolean;
  successorCode: string;
  /** The link being confirmed; null = adding a predecessor. */
  link: LinkedUnit | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  return (
    <FormModal
      open={open}
      title={link ? `${t('adminUnits.confirmTitle')}: ${link.fullName}` : t('adminUnits.addPredecessor')}
      okText={t('adminUnits.confirmLink')}
      maskClosable
      onClose={onClose}
      submit={(v: ConfirmValues) =>
        adminUnitsApi.confirmSuccession({ predecessorCode: v.predecessorCode.trim(), successorCode, kind: v.kind })
      }
      onSaved={onSaved}
      intro={<Alert type="info" showIcon title={t('adminUnits.confirmHelp')} style={{ marginBottom: 16 }} />}
      initialValues={{ predecessorCode: link?.code ?? '', kind: link?.kind ?? 'full' }}
    >
      <Form.Item
        name="predecessorCode"
        label={t('adminUnits.predecessorCode')}
        extra={t('adminUnits.predecessorCodeHelp')}
        rules={[{ required: true, pattern: /^\d{2}(\d{3})?$/u, message: t('adminUnits.predecessorCodeHelp') }]}
      >
        <Input disabled={link !== null} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item name="kind" label={t('adminUnits.linkKind')}>
        <Radio.Group
          options={[
            { value: 'full', label: t('adminUnits.kindFull') },
            { value: 'partial', label: t('adminUnits.kindPartial') },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}

/** Remove a wrong succession link; the reason goes to the audit log. */
export function RemoveSuccessionModal({
  successorCode,
  link,
  onClose,
  onRemoved,
}: {
  successorCode: string;
  link: LinkedUnit | null;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const t = useT();
  return (
    <FormModal
      open={link !== null}
      title={link ? t('adminUnits.removeTitle', { name: link.fullName }) : ''}
      okText={t('adminUnits.removeLink')}
      danger
      maskClosable
      onClose={onClose}
      submit={(v: { reason: string }) =>
        adminUnitsApi.removeSuccession({ predecessorCode: link!.code, successorCode, reason: v.reason.trim() })
      }
      onSaved={onRemoved}
    >
      <Form.Item
        name="reason"
        label={t('adminUnits.removeReason')}
        rules={[{ required: true, whitespace: true }, { max: 500 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
