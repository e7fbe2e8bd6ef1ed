import { WarningOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { RELATION_LABELS } from '../../../domain/registry/codes';
import { SCHOOL_LEVEL_LABELS, WORK_STATUS_LABELS } from '../../../domain/registry/survey-labels';
import { ToolbarSwitch } from '../../components/ListToolbar';
import { RowActions } from '../../components/RowActions';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import type { Member } from './api';
import { todayInVietnam } from '../../../domain/calendar';
import { ageOn } from './logic';
import { householdPath } from './paths';

/** What is notable about a member, as short tags: no health insurance stands out. */
function MemberFlags({ m }: { m: Member }) {
  const t = useT();
  const tags: { key: string; text: string; color?: string }[] = [];
  if (!m.healthInsurance) tags.push({ key: 'bhyt', text: t('households.noHealthInsurance'), color: 'red' });
  if (m.disability === null) tags.push({ key: 'health', text: t('households.healthHidden') });
  else if (m.disability) tags.push({ key: 'disability', text: t('households.disability'), color: 'orange' });
  if (!m.ableToWork) tags.push({ key: 'unable', text: t('households.unableToWork') });
  if (m.monthlySocialAllowance) tags.push({ key: 'allowance', text: t('households.monthlySocialAllowance') });
  if (m.attending) {
    tags.push({
      key: 'school',
      text: `${t('households.attending')}: ${t.label(SCHOOL_LEVEL_LABELS[m.attending])}`,
      color: 'blue',
    });
  }
  if (m.inTraining) tags.push({ key: 'training', text: t('households.inTraining'), color: 'blue' });
  if (m.work) tags.push({ key: 'work', text: t.label(WORK_STATUS_LABELS[m.work]), color: 'cyan' });
  if (m.stunted) tags.push({ key: 'stunted', text: t('households.stunted'), color: 'red' });
  if (m.underweight) tags.push({ key: 'underweight', text: t('households.underweight'), color: 'red' });
  return (
    <span className="tag-list">
      {tags.map((tag) => (
        <Tag key={tag.key} color={tag.color}>
          {tag.text}
        </Tag>
      ))}
    </span>
  );
}

function Duplicates({ m }: { m: Member }) {
  const t = useT();
  if (m.duplicateOf.length === 0) return null;
  return (
    <div className="member-duplicate" role="note">
      <Tag icon={<WarningOutlined />} color="warning">
        {t('households.duplicate')}
      </Tag>
      {m.duplicateOf.map((d, i) =>
        d.householdId ? (
          <Link key={d.householdId} to={householdPath(d.householdId)}>
            {t('households.duplicateOf', { code: d.householdCode ?? '' })}
          </Link>
        ) : (
          <Typography.Text key={`${d.communeCode}-${i}`} type="secondary">
            {t('households.duplicateHidden', { commune: d.communeCode })}
          </Typography.Text>
        ),
      )}
    </div>
  );
}

function NameCell({ m }: { m: Member }) {
  const t = useT();
  return (
    <div>
      <Typography.Text strong delete={m.leftAt !== null}>
        {m.fullName}
      </Typography.Text>
      {m.relation === 'head' && (
        <Tag color="geekblue" className="inline-tag">
          {t('households.headTag')}
        </Tag>
      )}
      {m.leftAt && (
        <div className="cell-secondary">
          {t('households.leftOn', { date: formatDate(m.leftAt), reason: m.leftReason ?? '' })}
        </div>
      )}
      <Duplicates m={m} />
    </div>
  );
}

/** The members of a household: who they are and what the assessment will read about them. */
export function MembersTable({
  members,
  onEdit,
  onLeave,
}: {
  members: Member[];
  /** Absent: the viewer may not change the household. */
  onEdit?: (m: Member) => void;
  onLeave?: (m: Member) => void;
}) {
  const t = useT();
  const isMobile = useIsMobile();
  const [showLeft, setShowLeft] = useState(false);
  const today = todayInVietnam();
  const anyLeft = members.some((m) => m.leftAt);
  const rows = showLeft ? members : members.filter((m) => !m.leftAt);
  const canChange = onEdit !== undefined && onLeave !== undefined;
  const memberActions = (m: Member) =>
    !canChange || m.leftAt ? null : (
      <RowActions
        label={t('households.memberActionsFor', { name: m.fullName })}
        items={[
          { key: 'edit', label: t('households.editMember'), onClick: () => onEdit(m) },
          ...(m.relation === 'head'
            ? []
            : [{ key: 'leave', label: t('households.memberLeaves'), danger: true, onClick: () => onLeave(m) }]),
        ]}
      />
    );

  const columns: TableProps<Member>['columns'] = [
    {
      key: 'name',
      title: t('households.fullName'),
      render: (_: unknown, m) => <NameCell m={m} />,
    },
    {
      key: 'age',
      title: t('households.age'),
      width: 120,
      render: (_: unknown, m) => (
        <Tooltip title={formatDate(m.dateOfBirth)}>
          <span>{t('households.ageValue', { age: ageOn(m.dateOfBirth, today) })}</span>
          <div className="cell-secondary">{formatDate(m.dateOfBirth)}</div>
        </Tooltip>
      ),
    },
    { key: 'sex', title: t('households.sex'), width: 80, render: (_: unknown, m) => t(`households.sexes.${m.sex}`) },
    {
      key: 'relation',
      title: t('households.relation'),
      width: 130,
      render: (_: unknown, m) => t.label(RELATION_LABELS[m.relation]),
    },
    {
      key: 'citizenId',
      title: t('households.citizenId'),
      width: 150,
      render: (_: unknown, m) => <span className="mono">{m.citizenId ?? t('common.none')}</span>,
    },
    { key: 'flags', title: t('households.flags'), render: (_: unknown, m) => <MemberFlags m={m} /> },
    ...(canChange
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, m: Member) => memberActions(m),
          },
        ]
      : []),
  ];

  return (
    <>
      {anyLeft && (
        <div className="toolbar">
          <ToolbarSwitch checked={showLeft} onChange={setShowLeft} label={t('households.showLeft')} />
        </div>
      )}
      {isMobile ? (
        <div className="member-cards">
          {rows.map((m) => (
            <div key={m.id} className={`member-card${m.duplicateOf.length > 0 ? ' row-warning' : ''}`}>
              <div className="member-card-head">
                <NameCell m={m} />
                {memberActions(m)}
              </div>
              <div className="cell-secondary">
                {[
                  t('households.ageValue', { age: ageOn(m.dateOfBirth, today) }),
                  t(`households.sexes.${m.sex}`),
                  t.label(RELATION_LABELS[m.relation]),
                  m.citizenId,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              <MemberFlags m={m} />
            </div>
          ))}
        </div>
      ) : (
        <Table<Member>
          rowKey="id"
          size="middle"
          pagination={false}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 980 }}
          rowClassName={(m) => (m.duplicateOf.length > 0 ? 'row-warning' : '')}
        />
      )}
    </>
  );
}
