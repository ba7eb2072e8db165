-- Lab history at scale: :tasks finished transfers by :users users (plus the demo's
-- Alice, Bob and Carol) over the last two years, as the portal records them:
-- transfer_request rows with their figures, 1 to 3 transfer_item rows each, and the
-- usage_daily roll-up the watcher would have built from them. Deterministic (no
-- random()), so every run generates the same data relative to its start time.
--
--   psql -v tasks=1000000 -v users=60 -f bench/history-data.sql
--
-- Each user moves data between a few habitual pairs of the lab's twelve collections
-- (the demo's six and six more), as researchers do; about 6 % of tasks fail. Rows are
-- written in time order, as a portal writes them day after day.
\set ON_ERROR_STOP on
set maintenance_work_mem = '512MB';

create temp table bench_user as
select n, subject, username
from (select g as n, md5('bench-user-' || g)::uuid::text as subject, 'user' || lpad(g::text, 3, '0') || '@lab.example.org' as username
      from generate_series(1, :users) g
      union all select :users + 1, 'ae332d86-d274-11e5-b885-b31714a110e9', 'alice@globusid.org'
      union all select :users + 2, 'b0b5e3a2-1c4d-4e5f-8a9b-0c1d2e3f4a5b', 'bob@uchicago.edu'
      union all select :users + 3, 'ca401c0a-3e5b-4c6d-8e7f-9a0b1c2d3e4f', 'carol@example.edu') u;

create temp table bench_collection (n int primary key, id varchar(36));
insert into bench_collection values
  (0, '6c54cade-bde5-45c1-bdea-f4bd71dba2cc'), (1, '31ce9ba0-176d-45a5-add3-f37d233ba47d'),
  (2, '1405823f-0597-4a16-b296-46d4f0ae4b15'), (3, '313ce13e-b597-5858-ae13-29e46fea26e6'),
  (4, 'aa752cea-8222-5bc8-acd9-555b090c0ccb'), (5, '0b7c5a1e-9d2f-4c8e-b6a3-2f1e4d5c6b7a'),
  (6, md5('bench-collection-6')::uuid::text), (7, md5('bench-collection-7')::uuid::text),
  (8, md5('bench-collection-8')::uuid::text), (9, md5('bench-collection-9')::uuid::text),
  (10, md5('bench-collection-10')::uuid::text), (11, md5('bench-collection-11')::uuid::text);

-- The shape of every task, from its number i alone.
create temp table bench_task as
select i,
       md5('bench-request-' || i)::uuid::text as id,
       md5('bench-task-' || i)::uuid::text as task_id,
       u.subject, u.username,
       (array['alpha','beta','gamma','delta','epsilon','zeta','eta','theta'])[1 + u.n % 8] as project,
       src.id as source_collection,
       dst.id as destination_collection,
       now() - make_interval(secs => (i::bigint * 104729) % (730 * 86400)) as submitted_at,
       30 + (i::bigint * 31) % 7200 as duration_seconds,
       case when i % 17 = 0 then 'FAILED' else 'SUCCEEDED' end as task_status,
       case when i % 17 = 0 then (array['EXPIRED','CANCELED','PERMISSION_DENIED','FILE_NOT_FOUND'])[1 + (i / 17) % 4] end as failure_kind,
       (i::bigint * 2654435761) % 50000000000 as bytes,
       1 + (i::bigint * 37) % 5000 as files,
       1 + i % 3 as items
from generate_series(1, :tasks) i
join bench_user u on u.n = 1 + (i::bigint * 7919) % (:users + 3)
join bench_collection src on src.n = ((u.n * 3 + i % 3) * 5) % 12
join bench_collection dst on dst.n = ((u.n * 3 + i % 3) * 7 + 1 + case when ((u.n * 3 + i % 3) * 5) % 12 = ((u.n * 3 + i % 3) * 7 + 1) % 12 then 1 else 0 end) % 12;

-- Bulk loads build indexes once at the end, as a restore would: keep their definitions,
-- drop them, load, create them again.
create temp table bench_index as
select indexname, indexdef from pg_indexes
where tablename in ('transfer_request', 'transfer_item', 'usage_daily') and indexname not like '%_pkey';
do $$
declare r record;
begin
  for r in select indexname from bench_index loop
    execute 'drop index ' || quote_ident(r.indexname);
  end loop;
end $$;

insert into transfer_request (id, subject, username, status, source_collection, destination_collection, label,
  form_json, submission_id, task_id, consent_trips, created_at, updated_at, submitted_at, task_status,
  status_checked_at, task_type, bytes_transferred, files_transferred, files_skipped, subtasks_failed,
  skipped_errors, faults, failure_kind, completed_at, duration_seconds)
select id, subject, username, 'SUBMITTED', source_collection, destination_collection,
       'Run ' || i || ' of ' || project,
       json_build_object('sourceCollection', source_collection, 'sourcePath', '/projects/' || project || '/run-' || lpad(i::text, 7, '0') || '/',
         'destinationCollection', destination_collection, 'destinationPath', '/archive/' || project || '/run-' || lpad(i::text, 7, '0') || '/',
         'label', 'Run ' || i || ' of ' || project, 'manifest', '', 'syncLevel', '', 'verifyChecksum', true,
         'preserveTimestamp', false, 'encryptData', false, 'deleteDestinationExtra', false, 'skipSourceErrors', false,
         'failOnQuotaErrors', false, 'deadline', '', 'notifyOnSucceeded', true, 'notifyOnFailed', true,
         'notifyOnInactive', true, 'filterRules', '', 'sourceLocalUser', '', 'destinationLocalUser', '')::text,
       md5('bench-submission-' || i)::uuid::text, task_id, 0, submitted_at, submitted_at, submitted_at, task_status,
       submitted_at + make_interval(secs => duration_seconds), 'TRANSFER', bytes, files, (i % 5) * 3,
       case when task_status = 'FAILED' then 1 + i % 4 else 0 end, 0, i % 4, failure_kind,
       submitted_at + make_interval(secs => duration_seconds), duration_seconds
from bench_task
order by submitted_at;

insert into transfer_item (request_id, position, source_path, destination_path, recursive)
select t.id, p,
       '/projects/' || t.project || '/run-' || lpad(t.i::text, 7, '0') || '/part-' || p || '/',
       '/archive/' || t.project || '/run-' || lpad(t.i::text, 7, '0') || '/part-' || p || '/',
       true
from bench_task t cross join lateral generate_series(0, t.items - 1) p;

insert into usage_daily (day_utc, subject, username, task_type, source_collection, destination_collection, status,
  failure_kind, tasks, bytes, files)
select ((submitted_at + make_interval(secs => duration_seconds)) at time zone 'UTC')::date, subject, max(username),
       'TRANSFER', source_collection, destination_collection, task_status, coalesce(failure_kind, ''), count(*),
       sum(bytes), sum(files)
from bench_task
group by 1, subject, source_collection, destination_collection, task_status, coalesce(failure_kind, '')
order by 1
on conflict (day_utc, subject, task_type, source_collection, destination_collection, status, failure_kind)
do update set tasks = usage_daily.tasks + excluded.tasks, bytes = usage_daily.bytes + excluded.bytes,
              files = usage_daily.files + excluded.files;

do $$
declare r record;
begin
  for r in select indexdef from bench_index loop
    execute r.indexdef;
  end loop;
end $$;

analyze transfer_request;
analyze transfer_item;
analyze usage_daily;

select (select count(*) from transfer_request where status = 'SUBMITTED') as requests,
       (select count(*) from transfer_item) as items,
       (select count(*) from usage_daily) as usage_rows,
       pg_size_pretty(pg_database_size(current_database())) as database_size;
