-- The reports benchmark's data: @n orders spread over 360 days of 2025, each with what the three
-- reports read: a new-filing instance and its three review tasks (initial review, verification,
-- second review; every 50th second review still open), a bureau submission with its SMS
-- verification and result and the timeline statuses of both (every 10th order rejected once with
-- reasons and submitted again), and for approved orders the public-security follow-up with a
-- reminder (every 3rd) and a reported number (every 4th). Ids are sequential so the indexes fill in order.
set synchronous_commit to off;

create temporary table bench_orders as
select i, lpad(to_hex(i), 32, '0')::uuid as id,
       timestamptz '2025-01-01 09:00+08' + ((i - 1) * 360 / @n) * interval '1 day' + (i % 8) * interval '1 hour' as t0,
       i % 10 = 0 as resubmitted
from generate_series(1, @n) i;

insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
    subject_certificate_type, subject_certificate_number, body, created_by, created_at, updated_at, submitted_at,
    website_filing_numbers)
select id, 'RB' || lpad(i::text, 14, '0'),
       (array['new-filing','add-website-subject-here','access-subject-elsewhere','change-website'])[1 + i % 4],
       'approved', (array['110000','310000','440000','330000','320000','510000'])[1 + i % 6],
       case when i % 10 = 3 then 'individual' else 'enterprise' end,
       case when i % 10 = 3 then '张三' || i else '基准测试科技有限公司' || i end,
       'uscc', 'RBENCH' || lpad(i::text, 12, '0'), '{}'::jsonb, 'bench', t0, t0, t0 + interval '5 days',
       array['粤ICP备' || (20000000 + i) || '号-1']
from bench_orders;

insert into workflow_instances (id, definition_id, version, order_id, status, created_at, updated_at)
select id, 'new-filing', 1, id, 'finished', t0, t0 from bench_orders;

insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, assignee, status,
    created_at, due_at, outcome, completed_by, completed_at)
select lpad(to_hex(o.i * 4 + s.k), 32, '0')::uuid, o.id, lpad(to_hex(o.i * 4 + s.k), 32, '0')::uuid, o.id, s.team, s.team, s.team,
       '{approve,return}', 'r' || (o.i % 50),
       case when s.k = 3 and o.i % 50 = 0 then 'open' else 'done' end,
       o.t0 + s.start_days * interval '1 day', o.t0 + (s.start_days + 1) * interval '1 day',
       case when s.k = 3 and o.i % 50 = 0 then null else 'approve' end,
       case when s.k = 3 and o.i % 50 = 0 then null else 'r' || (o.i % 50) end,
       case when s.k = 3 and o.i % 50 = 0 then null else o.t0 + s.start_days * interval '1 day' + (o.i % s.spread) * interval '1 hour' end
from bench_orders o
cross join (values (1, 'initial-review', 0, 20), (2, 'verification', 1, 30), (3, 'second-review', 3, 16)) s(k, team, start_days, spread);

insert into bureau_submissions (order_id, attempt, submitted_at, sent_at)
select id, a.attempt, t0 + a.days * interval '1 day', t0 + a.days * interval '1 day' + interval '10 minutes'
from bench_orders cross join (values (1, 5), (2, 30)) a(attempt, days)
where a.attempt = 1 or resubmitted;

insert into bureau_events (id, order_id, kind, payload, received_at, received_by, applied)
select lpad(to_hex(o.i * 4 + e.k), 32, '0')::uuid, o.id, e.kind,
       case when e.kind = 'rejected'
            then jsonb_build_object('kind', 'rejected', 'reasonCodes', jsonb_build_array((array['certificate-unclear','address-not-detailed','domain-not-verified','phone-unreachable'])[1 + o.i % 4]))
            else jsonb_build_object('kind', e.kind) end,
       o.t0 + e.at, 'bench', true
from bench_orders o
cross join lateral (values
    (0, 'sms-verified', interval '5 days 2 hours'),
    (1, case when o.resubmitted then 'rejected' else 'approved' end, interval '5 days' + (3 + o.i % 20) * interval '1 day'),
    (2, 'sms-verified', interval '30 days 1 hour'),
    (3, 'approved', interval '40 days')) e(k, kind, at)
where e.k < 2 or o.resubmitted;

insert into filing_timeline (order_id, at, status, actor)
select o.id, o.t0 + e.at, e.status, 'bench'
from bench_orders o
cross join lateral (values
    (0, 'sms-verification', interval '5 days 10 minutes'),
    (1, 'bureau-review', interval '5 days 2 hours'),
    (2, case when o.resubmitted then 'bureau-rejected' else 'approved' end, interval '5 days' + (3 + o.i % 20) * interval '1 day'),
    (3, 'sms-verification', interval '30 days 10 minutes'),
    (4, 'bureau-review', interval '30 days 1 hour'),
    (5, 'approved', interval '40 days')) e(k, status, at)
where e.k < 3 or o.resubmitted
order by o.i, e.k;

create temporary table bench_approved as
select i, id, case when resubmitted then t0 + interval '40 days' else t0 + interval '5 days' + (3 + i % 20) * interval '1 day' end as approved_at
from bench_orders;

insert into workflow_instances (id, definition_id, version, order_id, status, created_at, updated_at)
select lpad(to_hex(@n + i), 32, '0')::uuid, 'public-security-follow-up', 1, id, 'running', approved_at, approved_at from bench_approved;

insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
select lpad(to_hex(i), 32, '0')::uuid, id, 'sms', '13800138000', 'remind', '提醒', approved_at + interval '20 days'
from bench_approved where i % 3 = 0;

insert into audit_log (at, actor, action, entity_type, entity_id, details)
select approved_at + interval '15 days', 'console', 'public-security-reported', 'filing-order', 'RB' || lpad(i::text, 14, '0'), '{}'
from bench_approved where i % 4 = 0;

update filing_orders o set public_security_number = '44030502001234'
from bench_approved a where a.id = o.id and a.i % 4 = 0;

drop table bench_orders, bench_approved;
