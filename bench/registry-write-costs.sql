-- What each index and the members' foreign key cost when the registry's rows are written
-- (issue 3, the import's 5,000 households/s target). Run on the database the import benchmark
-- left behind (100,000 households, 400,000 members):
--   DATABASE_URL=… npx tsx bench/household-import.ts 100000
--   psql "$DATABASE_URL" -f bench/registry-write-costs.sql
-- The same rows are copied into scratch tables of the same shape with more and more of the
-- registry's indexes; nothing of the registry itself is changed. Results: docs/benchmarks.md.
\timing on
set jit = off;
set work_mem = '64MB';
create temporary table src_households as select * from households;
create temporary table src_members as select * from household_members;

\echo '== households: no index'
create table bench_households (like households including defaults);
insert into bench_households select * from src_households;
\echo '== households: the four b-trees'
truncate bench_households;
create unique index on bench_households (id);
create index on bench_households (province_code, commune_code, village_id);
create unique index on bench_households (commune_code, code);
create index on bench_households (province_code, sort_key);
insert into bench_households select * from src_households;
\echo '== households: + GIN on the words'
truncate bench_households;
create index on bench_households using gin (search_words);
insert into bench_households select * from src_households;
\echo '== households: + trigram GIN on the search text (as the registry)'
truncate bench_households;
create index on bench_households using gin (search_key gin_trgm_ops);
insert into bench_households select * from src_households;
\echo '== households: the GIN pending lists made large (work moved to the clean-up, not saved)'
truncate bench_households;
set gin_pending_list_limit = '1GB';
insert into bench_households select * from src_households;
\echo '   … and the clean-up it leaves'
select gin_clean_pending_list(indexrelid) from pg_index where indrelid = 'bench_households'::regclass and indexrelid::regclass::text like '%search%';
reset gin_pending_list_limit;
drop table bench_households;

\echo '== members: no index'
create table bench_members (like household_members including defaults);
insert into bench_members select * from src_members;
\echo '== members: the four b-trees (as the registry, without the foreign key)'
truncate bench_members;
create unique index on bench_members (id);
create index on bench_members (household_id, position);
create index on bench_members (citizen_id);
create index on bench_members (province_code, name_key) where left_at is null;
insert into bench_members select * from src_members;
\echo '== members: + the foreign key to households (as the registry)'
truncate bench_members;
alter table bench_members add foreign key (household_id) references households (id);
insert into bench_members select * from src_members;
drop table bench_members;
