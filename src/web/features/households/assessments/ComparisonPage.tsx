import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../domain/poverty/types';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n';
import { useErrorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { areaLabel, useArea } from '../../area/AreaContext';
import { calculatorQueries } from '../../calculator/api';
import { capitalise, usableStandards, yearSpan } from '../../calculator/logic';
import { assessmentsApi, type Comparison, type ComparisonQuery } from '../api';
import { AreaLine, CategoryTag } from '../common';
import { yearInVietnam, yearOptions } from '../logic';
import { householdPath } from '../paths';
import { notDeployed } from './AssessmentsPanel';

/** What-if: the households assessed in a year, classified under another standard. */
export function ComparisonPage() {
  const t = useT();
  const errorText = useErrorText();
  const { area } = useArea();
  const standards = useQuery(calculatorQueries.standards());
  const usable = usableStandards(standards.data?.items ?? []);
  const [form] = Form.useForm<{ year: number; to: string }>();
  const [asked, setAsked] = useState<ComparisonQuery | null>(null);
  const comparison = useQuery({
    queryKey: ['assessments', 'comparison', asked],
    queryFn: () => assessmentsApi.comparison(asked!),
    enabled: asked !== null,
    retry: false,
  });
  const labels = areaLabel(area);

  return (
    <div className="page">
      <PageHeader title={t('households.compareTitle')} description={t('households.compareDescription')} />
      <Alert type="info" showIcon className="page-alert" title={t('households.compareNothingChanges')} />
      <Card className="form-section">
        <AreaLine
          label={t('households.compareArea', { area: labels.join(' / ') || t('area.wholeCountry') })}
          hint={t('households.compareAreaHint')}
        />
        <Form
          form={form}
          layout="inline"
          className="compare-form"
          initialValues={{ year: yearInVietnam(), to: '2027-2030' }}
          onFinish={(v) =>
            setAsked({
              province: area.provinceCode ?? undefined,
              commune: area.communeCode ?? undefined,
              village: area.villageId ?? undefined,
              year: v.year,
              to: v.to,
            })
          }
        >
          <Form.Item name="year" label={t('households.compareYear')} rules={[{ required: true }]}>
            <Select style={{ width: 110 }} options={yearOptions().map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
          <Form.Item name="to" label={t('households.compareTo')} rules={[{ required: true }]}>
            <Select
              style={{ width: 360 }}
              loading={standards.isFetching}
              options={usable.map((s) => {
                const span = yearSpan(s);
                return { value: s.id, label: `${t.label(s.name)} (${span.from}–${span.to})` };
              })}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={comparison.isFetching}>
              {t('households.compareRun')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {comparison.isError &&
        (notDeployed(comparison.error) ? (
          <Alert type="info" showIcon title={t('households.compareUnavailable')} />
        ) : (
          <Alert type="error" showIcon title={errorText(comparison.error)} />
        ))}
      {comparison.data && <ComparisonResult data={comparison.data} />}
    </div>
  );
}

function ComparisonResult({ data }: { data: Comparison }) {
  const t = useT();
  const name = (c: Category) => capitalise(t.label(CATEGORY_LABELS[c]));
  return (
    <>
      <Row gutter={[16, 16]} className="form-section">
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('households.compareTotal')}
              value={data.total}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('households.compareChanged')}
              value={data.changed}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('households.compareNotComparable')}
              value={data.notComparable}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('households.compareMatrix')} className="form-section">
        <Typography.Paragraph type="secondary">
          {t('households.compareRowsCols', { year: data.year, standard: t.label(data.to.name) })}
          {data.to.provisional && (
            <Tag color="gold" className="inline-tag">
              {t('households.provisional')}
            </Tag>
          )}
        </Typography.Paragraph>
        <div className="dep-scroll">
          <table className="compare-matrix">
            <caption className="sr-only">{t('households.compareMatrix')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('households.compareCorner')}</th>
                {CATEGORIES.map((c) => (
                  <th key={c} scope="col">
                    {name(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CATEGORIES.map((from) => (
                <tr key={from}>
                  <th scope="row">{name(from)}</th>
                  {CATEGORIES.map((to) => {
                    const n = data.matrix[from]?.[to] ?? 0;
                    return (
                      <td key={to} className={from === to ? 'same' : n > 0 ? 'changed' : ''}>
                        {formatNumber(n)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title={t('households.compareChanges')} className="form-section">
        {data.changesTruncated && (
          <Alert type="warning" showIcon className="page-alert" title={t('households.compareTruncated')} />
        )}
        <Table
          rowKey="householdId"
          size="small"
          dataSource={data.changes}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          columns={[
            {
              key: 'code',
              title: t('households.code'),
              render: (_: unknown, c) => <Link to={householdPath(c.householdId)}>{c.code}</Link>,
            },
            { key: 'head', title: t('households.head'), dataIndex: 'headName' },
            { key: 'village', title: t('households.village'), dataIndex: 'villageName' },
            {
              key: 'from',
              title: t('households.compareFromCategory'),
              render: (_: unknown, c) => <CategoryTag category={c.from} />,
            },
            {
              key: 'to',
              title: t('households.compareToCategory'),
              render: (_: unknown, c) => <CategoryTag category={c.to} />,
            },
            { key: 'count', title: t('households.deprivationCount'), dataIndex: 'deprivationCount', align: 'right' },
          ]}
        />
      </Card>
    </>
  );
}
