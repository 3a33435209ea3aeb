-- The engine benchmark's background: what a filing desk has after some months, so the planner sees
-- tables of their working size. 100,000 orders: 80,000 approved (their instance finished, a
-- public-security follow-up waiting on its timer, registry rows, 10 journal, 5 timeline and 5 audit
-- rows each) and 20,000 in initial review (a running instance, its task bookmark and open task).
insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
    subject_certificate_type, subject_certificate_number, body, created_by, created_at, updated_at, submitted_at, bureau_attempts)
select md5('order' || i)::uuid, 'BG' || lpad(i::text, 14, '0'), 'new-filing',
       case when i <= 20000 then 'initial-review' else 'approved' end, '440000', 'enterprise', '背景主体' || i,
       'uscc', 'BG' || lpad(i::text, 16, '0'), '{}'::jsonb, 'bench', now() - interval '90 days', now(), now(), case when i <= 20000 then 0 else 1 end
from generate_series(1, 100000) i;

insert into workflow_instances (id, definition_id, version, order_id, parent_instance_id, status, variables, created_at, updated_at)
select md5('instance' || i)::uuid, 'new-filing', 1, md5('order' || i)::uuid, null,
       case when i <= 20000 then 'running' else 'finished' end, '{}'::jsonb, now(), now()
from generate_series(1, 100000) i;

insert into workflow_instances (id, definition_id, version, order_id, parent_instance_id, status, variables, created_at, updated_at)
select md5('follow-up' || i)::uuid, 'public-security-follow-up', 1, md5('order' || i)::uuid, md5('instance' || i)::uuid,
       'running', '{}'::jsonb, now(), now()
from generate_series(20001, 100000) i;

insert into workflow_bookmarks (id, instance_id, activity_id, kind, event_name, due_at, timeout_outcome, created_at)
select md5('bookmark' || i)::uuid, md5('instance' || i)::uuid, 'initial-review', 'task', null, null, null, now()
from generate_series(1, 20000) i;

insert into workflow_bookmarks (id, instance_id, activity_id, kind, event_name, due_at, timeout_outcome, created_at)
select md5('timer' || i)::uuid, md5('follow-up' || i)::uuid, 'wait-report', 'event', 'public-security-reported',
       now() + interval '20 days', 'timeout', now()
from generate_series(20001, 100000) i;

insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, status, created_at, due_at,
    outcome, completed_by, completed_at)
select md5('task' || i)::uuid, md5('instance' || i)::uuid, md5('bookmark' || i)::uuid, md5('order' || i)::uuid,
       'initial-review', '初审：核对主体、网站与证件材料', 'initial-review', '{approve,return}', 'open',
       now(), now() + interval '2 days', null, null, null
from generate_series(1, 20000) i;

insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, status, created_at, due_at,
    outcome, completed_by, completed_at)
select md5('task' || i || '-' || s)::uuid, md5('instance' || i)::uuid, md5('bookmark' || i || '-' || s)::uuid, md5('order' || i)::uuid,
       s, s, s, '{approve,return}', 'done', now() - interval '80 days', now() - interval '78 days', 'approve', 'reviewer', now() - interval '79 days'
from generate_series(20001, 100000) i, unnest(array['initial-review', 'verification', 'second-review']) s;

insert into workflow_journal (instance_id, order_id, at, activity_id, activity_type, activity_name, outcome, actor, note)
select md5('instance' || i)::uuid, md5('order' || i)::uuid, now() - interval '80 days', 'step-' || n, 'human-task', '步骤', 'approve', 'reviewer', null
from generate_series(20001, 100000) i, generate_series(1, 10) n;

insert into filing_timeline (order_id, at, status, step, actor, note)
select md5('order' || i)::uuid, now() - interval '80 days', 'approved', 'step-' || n, 'reviewer', null
from generate_series(20001, 100000) i, generate_series(1, 5) n;

insert into audit_log (at, actor, action, entity_type, entity_id, details)
select now() - interval '80 days', 'reviewer', 'status-changed', 'filing-order', 'BG' || lpad(i::text, 14, '0'), '{"to": "approved"}'::jsonb
from generate_series(20001, 100000) i, generate_series(1, 5) n;

insert into registry_subjects (subject_filing_number, certificate_type, certificate_number, name, nature, province, provider)
select 'BG-S' || i, 'uscc', 'BG' || lpad(i::text, 16, '0'), '背景主体' || i, 'enterprise', '440000', 'bench'
from generate_series(20001, 100000) i;

insert into registry_website_numbers (website_filing_number, subject_filing_number, serial)
select 'BG-S' || i || '-1', 'BG-S' || i, 1 from generate_series(20001, 100000) i;

insert into registry_websites (website_filing_number, subject_filing_number, name)
select 'BG-S' || i || '-1', 'BG-S' || i, '背景网站' || i from generate_series(20001, 100000) i;

insert into registry_domains (domain, website_filing_number)
select 'bg' || i || '.example.com', 'BG-S' || i || '-1' from generate_series(20001, 100000) i;

insert into registry_accesses (website_filing_number, provider, access_kind, access_value)
select 'BG-S' || i || '-1', 'bench', 'instance-ip', '198.51.100.' || (i % 250 + 1) from generate_series(20001, 100000) i;
