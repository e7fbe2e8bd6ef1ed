import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, type TableProps } from 'antd';
import { ListTable, type ListResult } from '../../components/ListTable';
import { useT } from '../../i18n';
import { downloadJson } from '../../lib/download';
import { useIsMobile } from '../../lib/useIsMobile';
import { unitQueries } from '../admin-units/api';
import type { PublicStandard } from '../calculator/api';
import { LegalBasisCell, NameCell, ScopeCell, VersionCell, YearsText } from './cells';
import { definitionOf, fileNameOf, rowKeyOf } from './logic';

/**
 * Every version of every standard, newest first within a standard, the one in use marked. On a
 * phone: the name, the version and the download, with the scope under the name.
 */
export function StandardTable({ list }: { list: ListResult<PublicStandard> }) {
  const t = useT();
  const isMobile = useIsMobile();
  const provinces = useQuery(unitQueries.children(null));
  const provinceName = (s: PublicStandard) =>
    s.provinceCode ? (provinces.data?.items.find((u) => u.code === s.provinceCode)?.fullName ?? s.provinceCode) : null;
  const scopeText = (s: PublicStandard) => provinceName(s) ?? t('standards.national');

  const columns: TableProps<PublicStandard>['columns'] = [
    {
      key: 'name',
      title: t('standards.name'),
      width: isMobile ? undefined : 230,
      render: (_: unknown, s) => <NameCell standard={s} scope={isMobile ? scopeText(s) : undefined} />,
    },
    {
      key: 'version',
      title: t('standards.version'),
      width: 150,
      render: (_: unknown, s) => <VersionCell standard={s} />,
    },
    ...(isMobile
      ? []
      : [
          {
            key: 'scope',
            title: t('standards.scopeSource'),
            width: 170,
            render: (_: unknown, s: PublicStandard) => <ScopeCell standard={s} provinceName={provinceName(s)} />,
          },
          {
            key: 'years',
            title: t('standards.years'),
            className: 'nowrap',
            width: 120,
            render: (_: unknown, s: PublicStandard) => <YearsText standard={s} />,
          },
          {
            key: 'legalBasis',
            title: t('standards.legalBasis'),
            render: (_: unknown, s: PublicStandard) => <LegalBasisCell standard={s} />,
          },
        ]),
    {
      key: 'actions',
      title: isMobile ? undefined : t('common.actions'),
      width: isMobile ? 56 : 120,
      fixed: isMobile ? undefined : ('right' as const),
      render: (_: unknown, s) => (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          aria-label={t('standards.downloadFor', { name: t.label(s.name), version: s.version })}
          onClick={() => downloadJson(fileNameOf(s), definitionOf(s))}
        >
          {!isMobile && t('standards.download')}
        </Button>
      ),
    },
  ];

  return (
    <ListTable<PublicStandard>
      rowKey={rowKeyOf}
      columns={columns}
      list={list}
      scroll={isMobile ? undefined : { x: 1000 }}
      emptyText={t('standards.empty')}
      rowClassName={(s) => (s.current ? '' : 'standards-superseded')}
    />
  );
}
