import { FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { reviewsApi, type RoundDetail } from './api';

/** The chairman's decision with its annexes (Word), once taken; certificates are on the household list. */
export function DecisionTab({ round }: { round: RoundDetail }) {
  const t = useT();
  if (round.state !== 'decided' && round.decisionNumber === null)
    return (
      <Card>
        <Typography.Paragraph type="secondary">{t('reviews.notDecided')}</Typography.Paragraph>
      </Card>
    );
  return (
    <Card title={t('reviews.decisionTitle')}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('reviews.decisionNumber')}>{round.decisionNumber}</Descriptions.Item>
        <Descriptions.Item label={t('reviews.decisionDate')}>{formatDate(round.decisionDate)}</Descriptions.Item>
        <Descriptions.Item label={t('reviews.signerName')}>{round.signerName}</Descriptions.Item>
        {round.refusalReason && (
          <Descriptions.Item label={t('reviews.refusalReason')} span={3}>
            {round.refusalReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('reviews.decisionHelp')}</Typography.Paragraph>
      <Button type="primary" icon={<FileWordOutlined />} onClick={() => void reviewsApi.decision(round.id)}>
        {t('reviews.downloadDecision')}
      </Button>{' '}
      {round.refusalReason && (
        <Button icon={<FileWordOutlined />} onClick={() => void reviewsApi.refusal(round.id)}>
          {t('reviews.downloadRefusal')}
        </Button>
      )}
    </Card>
  );
}
