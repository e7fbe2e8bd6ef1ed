import { Alert, Modal, Typography } from 'antd';
import { useT } from '../i18n';

/** A password shown once, with a copy button; it cannot be displayed again after closing. */
export function SecretModal({
  open,
  title,
  text,
  secret,
  onClose,
}: {
  open: boolean;
  title: string;
  text: string;
  secret: string | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={text} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
        className="secret-line"
      >
        <span className="secret" data-testid="secret">
          {secret}
        </span>
      </Typography.Paragraph>
    </Modal>
  );
}
