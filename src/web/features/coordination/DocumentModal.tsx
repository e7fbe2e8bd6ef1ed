import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LEGAL_DOCUMENT_KIND_LABELS, LEGAL_DOCUMENT_KINDS } from '../../../domain/coordination';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { coordinationApi, type LegalDocument, type LegalDocumentInput } from './api';

type Values = Omit<LegalDocumentInput, 'issuedOn' | 'unitCode'> & { issuedOn: Dayjs | null };

/**
 * Add a text to the document library at the working unit, or edit one (its number and unit stay).
 * The server's refusals (a duplicate number, a unit outside the user's area) show in the form.
 */
export function DocumentModal({
  unitCode,
  editing,
  onSaved,
  onClose,
}: {
  unitCode: string;
  /** The text being edited; none to add a new one. */
  editing: LegalDocument | null;
  onSaved: (saved: LegalDocument) => unknown;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <FormModal<Values, LegalDocument>
      open
      width={640}
      title={t(editing ? 'coordination.document.edit' : 'coordination.document.create')}
      okText={t('common.save')}
      initialValues={
        editing
          ? { ...editing, issuedOn: editing.issuedOn ? dayjs(editing.issuedOn) : null }
          : { kind: 'plan', issuedOn: null }
      }
      submit={({ number, issuedOn, ...fields }) => {
        const date = issuedOn ? issuedOn.format('YYYY-MM-DD') : null;
        return editing
          ? coordinationApi.updateDocument(editing.id, { ...fields, issuedOn: date, version: editing.version })
          : coordinationApi.createDocument({ ...fields, number, issuedOn: date, unitCode });
      }}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item name="number" label={t('coordination.document.number')} rules={[{ required: true }]}>
        <Input disabled={!!editing} />
      </Form.Item>
      <Form.Item name="issuedOn" label={t('coordination.document.issuedOn')}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="issuer" label={t('coordination.document.issuer')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('coordination.document.kind')} rules={[{ required: true }]}>
        <Select
          options={LEGAL_DOCUMENT_KINDS.map((k) => ({ value: k, label: t.label(LEGAL_DOCUMENT_KIND_LABELS[k]) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('coordination.document.title')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="summary" label={t('coordination.document.summary')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
