-- The task list's statement and an instance migration's task update on the seeded backoffice_bench (docs/INBOX.md):
-- each as the app sends it and in its former form, three times each, timings only; the updates rolled back.
\set teams '\'{initial-review,second-review,verification}\''
\set columns 't.id, t.instance_id, t.bookmark_id, t.order_id, o.order_number, t.activity_id, t.step, t.team, t.outcomes, t.assignee, t.status, t.created_at, t.due_at, t.outcome, t.reason_codes, t.comment, t.completed_by, t.completed_at, t.row_version'
\echo 'GET /api/tasks?scope=team, 500 rows: the version and checks on the task (db/0120)'
explain (analyze, costs off, timing off, summary on) select :columns, t.definition_id, t.definition_version, t.authenticity_checks
from review_tasks t join filing_orders o on o.id = t.order_id where t.status = 'open' and t.team = any(:teams) order by t.due_at, t.id limit 500 \g
explain (analyze, costs off, timing off, summary on) select :columns, t.definition_id, t.definition_version, t.authenticity_checks
from review_tasks t join filing_orders o on o.id = t.order_id where t.status = 'open' and t.team = any(:teams) order by t.due_at, t.id limit 500 \g
explain (analyze, costs off, timing off, summary on) select :columns, t.definition_id, t.definition_version, t.authenticity_checks
from review_tasks t join filing_orders o on o.id = t.order_id where t.status = 'open' and t.team = any(:teams) order by t.due_at, t.id limit 500 \g
\echo 'the same, formerly: the version and checks read from each task''s instance'
explain (analyze, costs off, timing off, summary on) select :columns, i.definition_id, i.version, (i.variables -> 'rules' -> 'authenticityChecks')::text
from review_tasks t join filing_orders o on o.id = t.order_id join workflow_instances i on i.id = t.instance_id
where t.status = 'open' and t.team = any(:teams) order by t.due_at, t.id limit 500 \g
explain (analyze, costs off, timing off, summary on) select :columns, i.definition_id, i.version, (i.variables -> 'rules' -> 'authenticityChecks')::text
from review_tasks t join filing_orders o on o.id = t.order_id join workflow_instances i on i.id = t.instance_id
where t.status = 'open' and t.team = any(:teams) order by t.due_at, t.id limit 500 \g
explain (analyze, costs off, timing off, summary on) select :columns, i.definition_id, i.version, (i.variables -> 'rules' -> 'authenticityChecks')::text
from review_tasks t join filing_orders o on o.id = t.order_id join workflow_instances i on i.id = t.instance_id
where t.status = 'open' and t.team = any(:teams) order by t.due_at, t.id limit 500 \g
select array_agg(id)::text as moving from (select id from workflow_instances where status = 'running' limit 500) x \gset
begin;
\echo 'an instance migration batch of 500 instances: its tasks'' version through their orders'' index'
explain (analyze, costs off, timing off, summary on) update review_tasks t set definition_version = i.version + 1 from workflow_instances i
where i.id = any(:'moving'::uuid[]) and t.order_id = i.order_id and t.instance_id = i.id \g
rollback;
begin;
\echo 'the same, formerly: found by instance, which no index of review_tasks leads with'
explain (analyze, costs off, timing off, summary on) update review_tasks t set definition_version = i.version + 1 from workflow_instances i
where i.id = t.instance_id and t.instance_id = any(:'moving'::uuid[]) \g
rollback;
