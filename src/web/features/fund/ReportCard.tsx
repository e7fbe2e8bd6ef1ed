import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n';
import { reportUrl } from './api';

/** The fund's report for a chosen period (this year by default), as PDF or Excel. */
export function ReportCard({ fundId }: { fundId: string }) {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [from, to] = range.map((d) => d.format('YYYY-MM-DD')) as [string, string];
  return (
    <Card title={t('fund.report')} style={{ marginTop: 16 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <DatePicker.RangePicker
          aria-label={t('fund.reportPeriod')}
          format="DD/MM/YYYY"
          allowClear={false}
          value={range}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          style={{ width: '100%' }}
        />
        <Space wrap>
          <Button icon={<FilePdfOutlined />} href={reportUrl(fundId, from, to, 'pdf')} target="_blank">
            PDF
          </Button>
          <Button icon={<FileExcelOutlined />} href={reportUrl(fundId, from, to, 'xlsx')}>
            Excel
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
