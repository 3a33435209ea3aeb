-- The desk's slow calls of issue 22, as the app now runs them, with their plans and times:
--   psql "$(source scripts/lib.sh; pg_url backoffice_load)" -f bench/desk-plans.sql
-- on a database seeded with bench/Backoffice.Bench/InboxSeed.sql (1,000,000 orders, 100,000 open tasks)
-- and the reviewers holding them as team members (bench/desk-members.sql);
-- docs/OPERATIONS.md ("The desk under load") says how to build one and what was measured.
-- Parameters are written in as the app's custom plans see them (a page of 20 as GET /api/filings?pageSize=20 asks).
\timing on
\echo GET /api/filings as a reviewer of initial-review: the count, stopped 1,000 past the page
explain (analyze, buffers, timing off) select count(*) from (select 1 from filing_orders o
  where (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) limit 1001) matching;
\echo GET /api/filings as a reviewer: the first page, newest first
explain (analyze, buffers, timing off) select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
  from filing_orders o
  where (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}'))
  order by o.created_at desc, o.id desc limit 21 offset 0;
\echo GET /api/filings?q=BB00000000012345 (an order number) as a reviewer: the page
explain (analyze, buffers, timing off) select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
  from ((select o.id, o.created_at from filing_orders o where o.order_number = 'BB00000000012345' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_certificate_number = 'BB00000000012345' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_name like 'BB00000000012345%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('BB00000000012345')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)) matched
  join filing_orders o on o.id = matched.id
  order by matched.created_at desc, matched.id desc limit 21 offset 0;
\echo GET /api/filings?q=基准测试主体12 (a name prefix of 11,111 orders) for one who sees all: the page
explain (analyze, buffers, timing off) select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
  from ((select o.id, o.created_at from filing_orders o where o.order_number = '基准测试主体12' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_certificate_number = '基准测试主体12' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_name like '基准测试主体12%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体12')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true order by o.created_at desc, o.id desc limit 21)) matched
  join filing_orders o on o.id = matched.id
  order by matched.created_at desc, matched.id desc limit 21 offset 0;
\echo GET /api/filings?q=基准测试主体12 as a reviewer of initial-review: the page
explain (analyze, buffers, timing off) select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
  from ((select o.id, o.created_at from filing_orders o where o.order_number = '基准测试主体12' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_certificate_number = '基准测试主体12' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_name like '基准测试主体12%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体12')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)) matched
  join filing_orders o on o.id = matched.id
  order by matched.created_at desc, matched.id desc limit 21 offset 0;
\echo GET /api/filings?q=基准测试主体12 as a reviewer of initial-review: the count, stopped 1,000 past the page
explain (analyze, buffers, timing off) select count(*) from ((select o.id from filing_orders o where o.order_number = '基准测试主体12' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and (select true from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}') limit 1) limit 1001)
    union (select o.id from filing_orders o where o.subject_certificate_number = '基准测试主体12' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and (select true from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}') limit 1) limit 1001)
    union (select o.id from filing_orders o where o.subject_name like '基准测试主体12%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and (select true from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}') limit 1) limit 1001)
    union (select o.id from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体12')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and (select true from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}') limit 1) limit 1001)) matching;
\echo GET /api/filings?q=基准测试主体1 (a name prefix of 111,111 orders) for one who sees all: the page
explain (analyze, buffers, timing off) select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
  from ((select o.id, o.created_at from filing_orders o where o.order_number = '基准测试主体1' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_certificate_number = '基准测试主体1' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_name like '基准测试主体1%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体1')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true order by o.created_at desc, o.id desc limit 21)) matched
  join filing_orders o on o.id = matched.id
  order by matched.created_at desc, matched.id desc limit 21 offset 0;
\echo GET /api/filings?q=基准测试主体1 for one who sees all: the count, stopped 1,000 past the page
explain (analyze, buffers, timing off) select count(*) from ((select o.id from filing_orders o where o.order_number = '基准测试主体1' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true limit 1001)
    union (select o.id from filing_orders o where o.subject_certificate_number = '基准测试主体1' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true limit 1001)
    union (select o.id from filing_orders o where o.subject_name like '基准测试主体1%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true limit 1001)
    union (select o.id from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体1')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null) and true limit 1001)) matching;
\echo GET /api/filings?q=基准测试主体1 as a reviewer of initial-review: the page
explain (analyze, buffers, timing off) select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
  from ((select o.id, o.created_at from filing_orders o where o.order_number = '基准测试主体1' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_certificate_number = '基准测试主体1' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_name like '基准测试主体1%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体1')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)) matched
  join filing_orders o on o.id = matched.id
  order by matched.created_at desc, matched.id desc limit 21 offset 0;
\echo GET /api/filings?q=基准测试主体1 as a reviewer of initial-review: the count, stopped 1,000 past the page
explain (analyze, buffers, timing off) select count(*) from ((select o.id from filing_orders o where o.order_number = '基准测试主体1' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and (select true from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}') limit 1) limit 1001)
    union (select o.id from filing_orders o where o.subject_certificate_number = '基准测试主体1' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and (select true from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}') limit 1) limit 1001)
    union (select o.id from filing_orders o where o.subject_name like '基准测试主体1%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and (select true from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}') limit 1) limit 1001)
    union (select o.id from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体1')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and (select true from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}') limit 1) limit 1001)) matching;
\echo GET /api/filings?q=基准测试主体123456 (one order) as a reviewer of initial-review: the page
explain (analyze, buffers, timing off) select o.id, o.order_number, o.filing_type, o.status, o.province, o.subject_name, o.created_at, o.updated_at
  from ((select o.id, o.created_at from filing_orders o where o.order_number = '基准测试主体123456' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_certificate_number = '基准测试主体123456' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o where o.subject_name like '基准测试主体123456%' and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)
    union (select o.id, o.created_at from filing_orders o
           where o.id = any (array (select order_id from filing_websites where domains @> array[lower('基准测试主体123456')])) and (null::text is null or o.status = null) and (null::text is null or o.filing_type = null)
      and (null::text is null or o.province = null)
      and exists (select 1 from review_tasks v where v.order_id = o.id and v.team = any('{initial-review}')) order by o.created_at desc, o.id desc limit 21)) matched
  join filing_orders o on o.id = matched.id
  order by matched.created_at desc, matched.id desc limit 21 offset 0;
\echo /board: the team figures of the three teams, each counted up to 1,001
explain (analyze, buffers, timing off) select tm.id as team, tm.name,
       (select count(*) from (select from review_tasks t where t.status = 'open' and t.team = tm.id limit 1001) c)::int as open,
       (select count(*) from (select from review_tasks t
            where t.status = 'open' and t.team = tm.id and t.assignee is null limit 1001) c)::int as unclaimed,
       (select count(*) from (select from review_tasks t
            where t.status = 'open' and t.team = tm.id and t.due_at < now() limit 1001) c)::int as breached,
       (select count(*) from (select from review_tasks t
            where t.status = 'open' and t.team = tm.id and t.escalated_at is not null limit 1001) c)::int as escalated
  from teams tm where tm.id = any('{initial-review,verification,second-review}') order by tm.id;
\echo /board: the load per reviewer of a lead of the three teams (53 members), each counted up to 201
explain (analyze, buffers, timing off) select u.username, u.display_name, held.open, held.overdue
  from users u
  cross join lateral (
      select count(*)::int as open, (count(*) filter (where first.due_at < now()))::int as overdue
      from (select t.due_at from review_tasks t
            where t.status = 'open' and t.assignee = u.username and t.team = any('{initial-review,verification,second-review}')
            order by t.due_at limit 201) first) held
  where u.active and exists (select 1 from team_members m where m.user_id = u.id and m.team_id = any('{initial-review,verification,second-review}'))
  order by held.open desc, u.username;
\echo /board: the 200 open tasks due first
explain (analyze, buffers, timing off) select t.id, t.order_id, o.order_number, o.filing_type, o.province, o.subject_name, t.step, t.team, t.assignee,
       t.status, t.created_at, t.due_at, t.escalated_at, t.outcome, t.completed_at
  from review_tasks t join filing_orders o on o.id = t.order_id
  where t.status = 'open' and t.team = any('{initial-review,verification,second-review}')
    and (null::text is null or (null = '-' and t.assignee is null) or t.assignee = null)
    and (not false or t.due_at < now())
  order by t.due_at, t.id limit 200;
\echo POST /api/filings: the order-in-progress check
explain (analyze, buffers, timing off) select o.order_number from filing_orders o
  where o.id <> '00000000-0000-0000-0000-000000000000' and o.status not in ('approved', 'withdrawn', 'expired')
    and o.subject_certificate_type = 'uscc' and o.subject_certificate_number = 'NEW0000000001'
  union all
  select o.order_number from unnest('{new-example.cn}'::text[]) d(domain)
  cross join lateral (select w.order_id from filing_websites w where w.domains @> array[d.domain]) w
  join filing_orders o on o.id = w.order_id
  where o.id <> '00000000-0000-0000-0000-000000000000' and o.status not in ('approved', 'withdrawn', 'expired')
  limit 1;
