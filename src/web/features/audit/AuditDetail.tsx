import { Col, Row, Table, Typography } from 'antd';
import { useT } from '../../i18n';
import type { AuditEvent } from './api';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function JsonBlock({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined)
    return <Typography.Paragraph type="secondary">{t('common.none')}</Typography.Paragraph>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** What an event changed: the differing fields first, then both states in full. */
export function AuditDetail({ event }: { event: AuditEvent }) {
  const t = useT();
  const { before, after } = event;
  if ((before === null || before === undefined) && (after === null || after === undefined)) {
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  }
  const changed =
    isRecord(before) && isRecord(after)
      ? [...new Set([...Object.keys(before), ...Object.keys(after)])]
          .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
          .map((k) => ({ field: k, before: show(before[k]), after: show(after[k]) }))
      : [];
  return (
    <div className="audit-detail">
      {changed.length > 0 && (
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={changed}
          style={{ marginBottom: 16 }}
          scroll={{ x: 480 }}
          title={() => <Typography.Text strong>{t('audit.changedFields')}</Typography.Text>}
          columns={[
            { key: 'field', title: t('audit.field'), dataIndex: 'field', width: 160 },
            { key: 'before', title: t('audit.before'), dataIndex: 'before' },
            { key: 'after', title: t('audit.after'), dataIndex: 'after' },
          ]}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <JsonBlock value={before} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <JsonBlock value={after} />
        </Col>
      </Row>
    </div>
  );
}
