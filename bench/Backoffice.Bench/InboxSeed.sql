-- The inbox benchmark's data: 1,000,000 orders, 100,000 open review tasks over the three reviewer
-- teams (a third unclaimed, the rest held by 50 reviewers and by "reviewer"), 200,000 done tasks,
-- due times from two days ago to five days ahead; the orders with tasks have one or two websites
-- (the inbox's website and domain column), and "reviewer" keeps ten saved views, one shared by a lead. Generated in SQL for speed; the benchmark then
-- vacuums and analyzes the tables so that no autovacuum runs while it measures.
insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
    subject_certificate_type, subject_certificate_number, body, created_by, created_at, updated_at, submitted_at)
select md5('order' || i)::uuid, 'BB' || lpad(i::text, 14, '0'),
       (array['new-filing','add-website-subject-here','access-subject-elsewhere','change-website'])[1 + i % 4],
       case when i <= 100000 then 'initial-review' else 'approved' end,
       (array['110000','310000','440000','330000','320000','510000'])[1 + i % 6], 'enterprise', '基准测试主体' || i,
       'uscc', 'BENCH' || lpad(i::text, 13, '0'), '{}'::jsonb, 'bench',
       now() - (i % 400) * interval '1 day', now() - (i % 400) * interval '1 day', now() - (i % 400) * interval '1 day'
from generate_series(1, 1000000) i;

insert into workflow_instances (id, definition_id, version, order_id, status, created_at, updated_at)
select md5('instance' || i)::uuid, 'new-filing', 1, md5('order' || i)::uuid, case when i <= 100000 then 'running' else 'finished' end, now(), now()
from generate_series(1, 300000) i;

insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, assignee, status,
    created_at, due_at, outcome, completed_by, completed_at)
select md5('task' || i)::uuid, md5('instance' || i)::uuid, md5('bookmark' || i)::uuid, md5('order' || i)::uuid,
       'initial-review', '初审：核对主体、网站与证件材料', (array['initial-review','verification','second-review'])[1 + i % 3],
       '{approve,return}',
       case when i <= 100000 then
           case when i % 3 = 0 then null when i % 500 = 1 then 'reviewer' else 'r' || (i % 50) end
       end,
       case when i <= 100000 then 'open' else 'done' end,
       now() - interval '3 days', now() - interval '2 days' + (i % 10080) * interval '1 minute',
       case when i > 100000 then 'approve' end,
       case when i > 100000 then case when i % 100 = 0 then 'reviewer' else 'r' || (i % 50) end end,
       case when i > 100000 then now() - (i % 1000) * interval '1 hour' end
from generate_series(1, 300000) i;

insert into filing_websites (order_id, idx, name, domains)
select md5('order' || i)::uuid, w, '基准网站' || i || '-' || w, array['bench' || i || '-' || w || '.example.cn']
from generate_series(1, 300000) i, generate_series(0, case when i % 4 = 0 then 1 else 0 end) w;

insert into inbox_views (id, name, owner, team, tab, filters, sort, columns, created_at)
select ('00000000-0000-4000-8000-0000000000' || lpad(to_hex(176 + v), 2, '0'))::uuid, '视图 ' || v,
       case when v = 1 then 'lead' else 'reviewer' end, case when v = 1 then 'initial-review' end,
       case when v % 2 = 1 then 'team' else 'mine' end, '{"province": "110000"}'::jsonb, 'due',
       '{website,subject,filingType,province,step,holder,received,due,sla}', now()
from generate_series(1, 10) i(v);
