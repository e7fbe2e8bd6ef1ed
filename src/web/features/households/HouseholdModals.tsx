import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Relation } from '../../../domain/registry/codes';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { useDebounced } from '../../lib/useDebounced';
import {
  householdQueries,
  householdsApi,
  type Dwelling,
  type Household,
  type HouseholdFields,
  type Member,
} from './api';
import { DateInput, fromDayjs } from './common';
import {
  DwellingFields,
  EMPTY_DWELLING,
  householdCodeRules,
  HouseholdFieldsForm,
  householdFromForm,
  MemberFields,
  memberFromForm,
  memberToForm,
  NEW_MEMBER,
  useCodeOptions,
  VillageSelectItem,
  type MemberForm,
} from './fields';

/** Every dialog of the household page: which one is open, and what it works on. */
export type HouseholdDialog =
  | { kind: 'edit' | 'dwelling' | 'move' | 'archive' | 'head' | 'split' | 'merge' | 'addMember' }
  | { kind: 'editMember' | 'leave'; member: Member }
  | null;

interface DialogProps {
  household: Household;
  onClose: () => void;
  onSaved: (household: Household, text?: string) => void;
}

const current = (h: Household) => h.members.filter((m) => !m.leftAt);
const headOf = (h: Household) => current(h).find((m) => m.relation === 'head');

const reasonRules = (t: ReturnType<typeof useT>, max: number) => [
  { required: true, whitespace: true, message: t('households.reasonRequired') },
  { max },
];

/** The dialog `dialog` names, for `household`. */
export function HouseholdDialogs({ dialog, ...props }: DialogProps & { dialog: HouseholdDialog }) {
  switch (dialog?.kind) {
    case 'edit':
      return <EditModal {...props} />;
    case 'dwelling':
      return <DwellingModal {...props} />;
    case 'move':
      return <MoveModal {...props} />;
    case 'archive':
      return <ArchiveModal {...props} />;
    case 'head':
      return <HeadModal {...props} />;
    case 'split':
      return <SplitModal {...props} />;
    case 'merge':
      return <MergeModal {...props} />;
    case 'addMember':
      return <MemberModal {...props} member={null} />;
    case 'editMember':
      return <MemberModal {...props} member={dialog.member} />;
    case 'leave':
      return <LeaveModal {...props} member={dialog.member} />;
    default:
      return null;
  }
}

function EditModal({ household: h, onClose, onSaved }: DialogProps) {
  const t = useT();
  return (
    <FormModal<HouseholdFields, Household>
      open
      title={t('households.editTitle', { code: h.code })}
      width={720}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={h}
      submit={(v) => householdsApi.update(h.id, { ...householdFromForm(v), version: h.version })}
      onSaved={(saved) => onSaved(saved)}
    >
      <HouseholdFieldsForm />
    </FormModal>
  );
}

function DwellingModal({ household: h, onClose, onSaved }: DialogProps) {
  const t = useT();
  return (
    <FormModal<Dwelling, Household>
      open
      title={t('households.editDwellingTitle', { code: h.code })}
      width={880}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={h.dwelling}
      submit={(v) => householdsApi.dwelling(h.id, { ...EMPTY_DWELLING, ...v, version: h.version })}
      onSaved={(saved) => onSaved(saved)}
    >
      <DwellingFields />
    </FormModal>
  );
}

function MoveModal({ household: h, onClose, onSaved }: DialogProps) {
  const t = useT();
  return (
    <FormModal<{ villageId: string }, Household>
      open
      title={t('households.moveTitle', { code: h.code })}
      okText={t('households.move')}
      onClose={onClose}
      initialValues={{ villageId: h.villageId }}
      intro={<Typography.Paragraph type="secondary">{t('households.moveHelp')}</Typography.Paragraph>}
      submit={(v) => householdsApi.move(h.id, { villageId: v.villageId, version: h.version })}
      onSaved={(saved) => onSaved(saved, t('households.moved', { village: saved.villageName }))}
    >
      <VillageSelectItem communeCode={h.communeCode} />
    </FormModal>
  );
}

function ArchiveModal({ household: h, onClose, onSaved }: DialogProps) {
  const t = useT();
  return (
    <FormModal<{ reason: string }, Household>
      open
      danger
      title={t('households.archiveTitle', { code: h.code })}
      okText={t('households.archive')}
      onClose={onClose}
      intro={<Alert type="warning" showIcon title={t('households.archiveText')} className="modal-intro" />}
      submit={(v) => householdsApi.archive(h.id, { reason: v.reason.trim(), version: h.version })}
      onSaved={(saved) => onSaved(saved, t('households.archived'))}
    >
      <Form.Item
        name="reason"
        label={t('households.archiveReason')}
        extra={t('households.archiveReasonHelp')}
        rules={reasonRules(t, 500)}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function HeadModal({ household: h, onClose, onSaved }: DialogProps) {
  const t = useT();
  const options = useCodeOptions();
  const head = headOf(h);
  return (
    <FormModal<{ memberId: string; formerHeadRelation: Relation }, Household>
      open
      title={t('households.changeHeadTitle', { code: h.code })}
      okText={t('households.changeHead')}
      onClose={onClose}
      submit={(v) => householdsApi.changeHead(h.id, { ...v, version: h.version })}
      onSaved={(saved) => onSaved(saved)}
    >
      <Form.Item
        name="memberId"
        label={t('households.newHead')}
        rules={[{ required: true, message: t('households.newHeadRequired') }]}
      >
        <Select
          options={current(h)
            .filter((m) => m.relation !== 'head')
            .map((m) => ({ value: m.id, label: m.fullName }))}
        />
      </Form.Item>
      <Form.Item
        name="formerHeadRelation"
        label={t('households.formerHeadRelation', { name: head?.fullName ?? '' })}
        rules={[{ required: true, message: t('households.relationRequired') }]}
      >
        <Select options={options.relations.filter((o) => o.value !== 'head')} />
      </Form.Item>
    </FormModal>
  );
}

/** Members with a relation each: a checkbox to take them, and their relation to the head. */
function MemberRelations({
  members,
  value = {},
  onChange,
  allowHead,
  optional,
}: {
  members: Member[];
  value?: Record<string, Relation | undefined>;
  onChange?: (v: Record<string, Relation | undefined>) => void;
  allowHead: boolean;
  /** Members may be left out (split); otherwise every one moves (merge). */
  optional: boolean;
}) {
  const t = useT();
  const options = useCodeOptions();
  const relationOptions = options.relations.filter((o) => allowHead || o.value !== 'head');
  return (
    <Table<Member>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={members}
      columns={[
        {
          key: 'name',
          title: t('households.fullName'),
          render: (_: unknown, m) =>
            optional ? (
              <Checkbox
                checked={m.id in value}
                onChange={(e) => {
                  const next = { ...value };
                  if (e.target.checked) next[m.id] = undefined;
                  else delete next[m.id];
                  onChange?.(next);
                }}
              >
                {m.fullName}
              </Checkbox>
            ) : (
              m.fullName
            ),
        },
        {
          key: 'relation',
          title: t('households.relation'),
          width: 190,
          render: (_: unknown, m) => (
            <Select
              size="small"
              style={{ width: '100%' }}
              aria-label={`${t('households.relation')}: ${m.fullName}`}
              disabled={optional && !(m.id in value)}
              value={value[m.id]}
              options={relationOptions}
              onChange={(r: Relation) => onChange?.({ ...value, [m.id]: r })}
            />
          ),
        },
      ]}
    />
  );
}

const asMoved = (value: Record<string, Relation | undefined>) =>
  Object.entries(value).map(([memberId, relation]) => ({ memberId, relation: relation! }));

function SplitModal({ household: h, onClose, onSaved }: DialogProps) {
  const t = useT();
  const movable = current(h).filter((m) => m.relation !== 'head');
  return (
    <FormModal<{ code: string; members: Record<string, Relation | undefined> }, { from: Household; created: Household }>
      open
      title={t('households.splitTitle', { code: h.code })}
      okText={t('households.split')}
      onClose={onClose}
      initialValues={{ members: {} }}
      intro={<Typography.Paragraph type="secondary">{t('households.splitText')}</Typography.Paragraph>}
      submit={(v) =>
        householdsApi.split(h.id, { code: v.code.trim(), members: asMoved(v.members), version: h.version })
      }
      onSaved={(result) => onSaved(result.from, t('households.splitDone', { code: result.created.code }))}
    >
      <Form.Item name="code" label={t('households.splitCode')} rules={householdCodeRules(t)}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="members"
        label={t('households.splitMembers')}
        rules={[
          {
            validator: async (_, v: Record<string, Relation | undefined>) => {
              const chosen = Object.values(v ?? {});
              if (chosen.length === 0 || chosen.some((r) => !r) || chosen.filter((r) => r === 'head').length !== 1) {
                throw new Error(t('households.splitPick'));
              }
            },
          },
        ]}
      >
        <MemberRelations members={movable} allowHead optional />
      </Form.Item>
    </FormModal>
  );
}

function MergeModal({ household: h, onClose, onSaved }: DialogProps) {
  const t = useT();
  const [q, setQ] = useState('');
  const search = useDebounced(q);
  const [fromId, setFromId] = useState<string | undefined>();
  const candidates = useQuery({
    queryKey: ['households', 'list', { merge: h.id, q: search }],
    queryFn: () => householdsApi.list({ commune: h.communeCode, q: search || undefined, limit: 20, offset: 0 }),
  });
  const from = useQuery({ ...householdQueries.one(fromId ?? ''), enabled: fromId !== undefined });
  const head = headOf(h);
  return (
    <FormModal<{ fromHouseholdId: string; members: Record<string, Relation | undefined> }, Household>
      open
      title={t('households.mergeTitle', { code: h.code })}
      okText={t('households.merge')}
      onClose={onClose}
      initialValues={{ members: {} }}
      intro={<Alert type="info" showIcon title={t('households.mergeText')} className="modal-intro" />}
      submit={(v) =>
        householdsApi.merge(h.id, {
          fromHouseholdId: v.fromHouseholdId,
          fromVersion: from.data!.version,
          members: asMoved(v.members),
          version: h.version,
        })
      }
      onSaved={(saved) => onSaved(saved, t('households.mergeDone'))}
    >
      <Form.Item
        name="fromHouseholdId"
        label={t('households.mergeFrom')}
        rules={[{ required: true, message: t('households.mergeFromRequired') }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('households.mergeFromPlaceholder')}
          loading={candidates.isFetching}
          onChange={(id: string) => setFromId(id)}
          options={(candidates.data?.items ?? [])
            .filter((c) => c.id !== h.id && !c.archived)
            .map((c) => ({ value: c.id, label: `${c.code} — ${c.headName} (${c.villageName})` }))}
        />
      </Form.Item>
      {from.data && (
        <Form.Item
          name="members"
          label={t('households.mergeMembers', { head: head?.fullName ?? '' })}
          rules={[
            {
              validator: async (_, v: Record<string, Relation | undefined>) => {
                if (current(from.data!).some((m) => !v?.[m.id])) throw new Error(t('households.relationRequired'));
              },
            },
          ]}
        >
          <MemberRelations key={from.data.id} members={current(from.data)} allowHead={false} optional={false} />
        </Form.Item>
      )}
    </FormModal>
  );
}

function MemberModal({ household: h, member, onClose, onSaved }: DialogProps & { member: Member | null }) {
  const t = useT();
  return (
    <FormModal<MemberForm, Household>
      open
      title={
        member
          ? t('households.editMemberTitle', { name: member.fullName })
          : t('households.addMemberTitle', { code: h.code })
      }
      okText={member ? t('common.save') : t('households.addMember')}
      width={880}
      onClose={onClose}
      initialValues={member ? memberToForm(member) : { ...NEW_MEMBER, relation: 'child' }}
      submit={(v) => {
        const body = { ...memberFromForm(v), version: h.version };
        if (!member) return householdsApi.addMember(h.id, body);
        const { relation, ...rest } = body;
        return householdsApi.updateMember(h.id, member.id, member.relation === 'head' ? rest : { ...rest, relation });
      }}
      onSaved={(saved) => onSaved(saved)}
    >
      <MemberFields relationLocked={member?.relation === 'head'} />
    </FormModal>
  );
}

function LeaveModal({ household: h, member, onClose, onSaved }: DialogProps & { member: Member }) {
  const t = useT();
  return (
    <FormModal<{ date: Parameters<typeof fromDayjs>[0]; reason: string }, Household>
      open
      danger
      title={t('households.memberLeaveTitle', { name: member.fullName })}
      okText={t('households.memberLeaves')}
      onClose={onClose}
      submit={(v) =>
        householdsApi.memberLeaves(h.id, member.id, {
          date: fromDayjs(v.date),
          reason: v.reason.trim(),
          version: h.version,
        })
      }
      onSaved={(saved) => onSaved(saved, t('households.memberLeft'))}
    >
      <Form.Item
        name="date"
        label={t('households.leaveDate')}
        rules={[{ required: true, message: t('households.leaveDateRequired') }]}
      >
        <DateInput />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('households.leaveReason')}
        extra={t('households.leaveReasonHelp')}
        rules={reasonRules(t, 300)}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
