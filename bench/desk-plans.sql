-- The desk's slow calls of issue 22, as the app now runs them, with their plans and times:
--   psql "$(source scripts/lib.sh; pg_url backoffice_load)" -f bench/desk-plans.sql
-- on a database seeded with bench/Backoffice.Bench/InboxSeed.sql (1,000,000 orders, 100,000 open tasks)
-- and the reviewers holding them as team members (bench/desk-members.sql);
-- docs/OPERATIONS.md ("The desk under load") says how to build one and what was measured.
\timing on
\echo GET /api/filings as a reviewer of initial-review: the count, stopped 1,000 past the page
explain (analyze, buffers, timing off) select count(*) from (select 1 from filing_orders o
  where (null::text is null or o.status = null) and (null::text is null or o.filing_type = null) and (null::text is null or o.province = null)
    and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) limit 1001) matching;
\echo GET /api/filings as a reviewer: the first page, newest first
explain (analyze, buffers, timing off) select o.id, o.order_number from filing_orders o
  where (null::text is null or o.status = null) and (null::text is null or o.filing_type = null) and (null::text is null or o.province = null)
    and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}'))
  order by o.created_at desc, o.id desc limit 21 offset 0;
\echo GET /api/filings?q=BB00000000012345 (an order number) as a reviewer
explain (analyze, buffers, timing off) select o.id, o.order_number from (
      select id, created_at from filing_orders where order_number = 'BB00000000012345'
      union select id, created_at from filing_orders where subject_certificate_number = 'BB00000000012345'
      union select id, created_at from filing_orders where subject_name like 'BB00000000012345%'
      union select id, created_at from filing_orders
            where id = any (array (select order_id from filing_websites where domains @> array[lower('BB00000000012345')]))
      order by created_at desc, id desc) matched
    join filing_orders o on o.id = matched.id
  where (null::text is null or o.status = null) and (null::text is null or o.filing_type = null) and (null::text is null or o.province = null)
    and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}'))
  order by matched.created_at desc, matched.id desc limit 21 offset 0;
\echo GET /api/filings?q=基准测试主体12 (a name prefix of 11,111 orders) for one who sees all: the page
explain (analyze, buffers, timing off) select o.id, o.order_number from (
      select id, created_at from filing_orders where order_number = '基准测试主体12'
      union select id, created_at from filing_orders where subject_certificate_number = '基准测试主体12'
      union select id, created_at from filing_orders where subject_name like '基准测试主体12%'
      union select id, created_at from filing_orders
            where id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体12')]))
      order by created_at desc, id desc) matched
    join filing_orders o on o.id = matched.id
  where (null::text is null or o.status = null) and (null::text is null or o.filing_type = null) and (null::text is null or o.province = null)
  order by matched.created_at desc, matched.id desc limit 21 offset 0;
\echo GET /api/filings?q=基准测试主体12 as a reviewer of initial-review: the count, stopped 1,000 past the page
explain (analyze, buffers, timing off) select count(*) from (select 1 from filing_orders o
  where (null::text is null or o.status = null) and (null::text is null or o.filing_type = null) and (null::text is null or o.province = null)
    and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}'))
    and o.id = any (array (select id from (
      select id, created_at from filing_orders where order_number = '基准测试主体12'
      union select id, created_at from filing_orders where subject_certificate_number = '基准测试主体12'
      union select id, created_at from filing_orders where subject_name like '基准测试主体12%'
      union select id, created_at from filing_orders
            where id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体12')]))) found))
  limit 1001) matching;
\echo /board: the team figures of the three teams
explain (analyze, buffers, timing off) select tm.id as team, tm.name,
       (select count(*) from review_tasks t where t.status = 'open' and t.team = tm.id)::int as open,
       (select count(*) from review_tasks t where t.status = 'open' and t.team = tm.id and t.assignee is null)::int as unclaimed,
       (select count(*) from review_tasks t where t.status = 'open' and t.team = tm.id and t.due_at < now())::int as breached,
       (select count(*) from review_tasks t where t.status = 'open' and t.team = tm.id and t.escalated_at is not null)::int as escalated
  from teams tm where tm.id = any('{initial-review,verification,second-review}') order by tm.id;
\echo /board: the load per reviewer of a lead of the three teams (53 members, 66,667 open tasks held)
explain (analyze, buffers, timing off) select u.username, u.display_name, held.open, held.overdue
  from users u
  cross join lateral (
      select count(*)::int as open, (count(*) filter (where t.due_at < now()))::int as overdue
      from review_tasks t where t.status = 'open' and t.assignee = u.username and t.team = any('{initial-review,verification,second-review}')) held
  where u.active and exists (select 1 from team_members m where m.user_id = u.id and m.team_id = any('{initial-review,verification,second-review}'))
  order by held.open desc, u.username;
\echo POST /api/filings: the order-in-progress check
explain (analyze, buffers, timing off) select o.order_number from filing_orders o
  where o.id <> '00000000-0000-0000-0000-000000000000' and o.status not in ('approved', 'withdrawn', 'expired')
    and o.subject_certificate_type = 'uscc' and o.subject_certificate_number = 'NEW0000000001'
  union all
  select o.order_number from filing_websites w join filing_orders o on o.id = w.order_id
  where w.domains && '{new-example.cn}'::text[] and o.id <> '00000000-0000-0000-0000-000000000000'
    and o.status not in ('approved', 'withdrawn', 'expired')
  limit 1;
