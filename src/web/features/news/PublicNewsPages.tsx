import { ArrowLeftOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Image, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { NotFoundResult } from '../../components/Results';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { NEWS_PATH } from '../../app/paths';
import { newsPath, publicNewsApi, publicPhotoUrl, type PublicNews } from './api';

const PAGE = 12;

/** The latest news anyone may read, newest first, with a cover photo where there is one. */
export function PublicNewsListPage() {
  const t = useT();
  const news = useInfiniteQuery({
    queryKey: ['public-news'],
    queryFn: ({ pageParam }) => publicNewsApi.list({ limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const read = pages.reduce((n, p) => n + p.items.length, 0);
      return read < last.total ? read : undefined;
    },
  });
  const items = news.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page">
      <PageHeader title={t('news.publicTitle')} description={t('news.publicDescription')} />
      {news.isPending && <Card loading />}
      {news.data && items.length === 0 && <Empty description={t('news.publicEmpty')} />}
      <Row gutter={[16, 16]}>
        {items.map((n) => (
          <Col key={n.id} xs={24} md={12} xl={8}>
            <NewsCard item={n} />
          </Col>
        ))}
      </Row>
      {news.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button loading={news.isFetchingNextPage} onClick={() => void news.fetchNextPage()}>
            {t('news.more')}
          </Button>
        </div>
      )}
    </div>
  );
}

function NewsCard({ item }: { item: PublicNews }) {
  const t = useT();
  const cover = item.photos[0];
  return (
    <Card
      hoverable
      cover={
        cover && (
          <img
            src={publicPhotoUrl(item.id, cover.id)}
            alt={cover.caption ?? item.title}
            style={{ height: 200, objectFit: 'cover' }}
          />
        )
      }
    >
      <Card.Meta
        title={<Link to={newsPath(item.id)}>{item.title}</Link>}
        description={`${formatDate(item.happenedOn)} · ${item.unitName}`}
      />
      <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginTop: 12 }}>
        {item.summary}
      </Typography.Paragraph>
      <Link to={newsPath(item.id)}>{t('news.readMore')}</Link>
    </Card>
  );
}

/** One published item: what happened, where, who took part, its photos. */
export function PublicNewsPage() {
  const t = useT();
  const { id = '' } = useParams();
  const item = useQuery({ queryKey: ['public-news', id], queryFn: () => publicNewsApi.one(id) });
  if (item.isError) return <NotFoundResult />;
  if (!item.data) return <Card loading />;
  const n = item.data;
  return (
    <div className="page public-news">
      <Link to={NEWS_PATH}>
        <ArrowLeftOutlined /> {t('news.back')}
      </Link>
      <PageHeader
        title={n.title}
        description={`${formatDate(n.happenedOn)} · ${n.unitName}, ${n.provinceName} · ${t('news.postedOn', { date: formatDate(n.publishedAt) })}`}
      />
      <Card>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph strong style={{ fontSize: 16 }}>
            {n.summary}
          </Typography.Paragraph>
          {n.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap size={12}>
                {n.photos.map((p) => (
                  <figure key={p.id} style={{ margin: 0, maxWidth: 360 }}>
                    <Image
                      src={publicPhotoUrl(n.id, p.id)}
                      alt={p.caption ?? n.title}
                      width={360}
                      style={{ borderRadius: 4 }}
                    />
                    {p.caption && (
                      <figcaption style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>{p.caption}</figcaption>
                    )}
                  </figure>
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          {n.body && <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{n.body}</Typography.Paragraph>}
          {n.organisations.length > 0 && (
            <Typography.Text type="secondary">
              {t('news.organisations')}: {n.organisations.join('; ')}
            </Typography.Text>
          )}
        </Space>
      </Card>
    </div>
  );
}
