-- The operations benchmark's data: 100,000 orders of new-filing. 10,000 run on version 1 (the versions the
-- shipped files import: 1 retired, 2 published), waiting at its human tasks and applicant waits; 30,000 run
-- on version 2; 60,000 finished on version 2. Each running instance has one bookmark (and an open review task
-- when it waits at a human task), as the engine leaves them.
insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
    subject_certificate_type, subject_certificate_number, body, created_by, created_at, updated_at, submitted_at)
select md5('order' || i)::uuid, 'OP' || lpad(i::text, 14, '0'), 'new-filing',
       case when i <= 40000 then 'initial-review' else 'approved' end,
       (array['110000','310000','440000','330000','320000','510000'])[1 + i % 6], 'enterprise', '迁移基准主体' || i,
       'uscc', 'OPBENCH' || lpad(i::text, 11, '0'), '{}'::jsonb, 'bench', now() - (i % 400) * interval '1 day', now(), now()
from generate_series(1, 100000) i;

insert into workflow_instances (id, definition_id, version, order_id, status, created_at, updated_at)
select md5('instance' || i)::uuid, 'new-filing', case when i <= 10000 then 1 else 2 end, md5('order' || i)::uuid,
       case when i <= 40000 then 'running' else 'finished' end, now() - (i % 400) * interval '1 day', now()
from generate_series(1, 100000) i;

insert into workflow_bookmarks (id, instance_id, activity_id, kind, event_name, created_at)
select md5('bookmark' || i)::uuid, md5('instance' || i)::uuid, w.activity_id, w.kind, w.event_name, now()
from generate_series(1, 40000) i
cross join lateral (select * from (values
    (0, 'initial-review', 'task', null), (1, 'second-review', 'task', null), (2, 'photo-review', 'task', null),
    (3, 'wait-fix', 'applicant', 'resubmitted'), (4, 'app-verification', 'task', null)) v(n, activity_id, kind, event_name)
    where v.n = i % 5) w;

insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, status, created_at, due_at)
select md5('task' || i)::uuid, md5('instance' || i)::uuid, md5('bookmark' || i)::uuid, md5('order' || i)::uuid,
       b.activity_id, b.activity_id, 'initial-review', '{approve,return}', 'open', now(), now() + interval '3 days'
from generate_series(1, 40000) i join workflow_bookmarks b on b.id = md5('bookmark' || i)::uuid
where b.kind = 'task';
