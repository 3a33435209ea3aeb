-- 0120: a review task carries the definition version its instance runs and the authenticity checks of the province
-- rules the instance started under, so that the task list answers each task's required checklist from the task row
-- alone (it read every listed task's instance by primary key: about 2 ms more for a list of 500).
--
-- The engine writes them when it opens a task; the insert trigger of 0016/0017 fills them when an insert leaves them
-- out (seeds, tests, a node of the previous release during an upgrade); an instance migration moves them with the
-- instance (MigrationWrites). The rules are fixed when an instance starts, so the checks never change afterwards.
create function instance_authenticity_checks(variables jsonb) returns text[] language sql immutable as $$
    select case when jsonb_typeof(variables -> 'rules' -> 'authenticityChecks') = 'array'
        then array(select jsonb_array_elements_text(variables -> 'rules' -> 'authenticityChecks')) else '{}' end
$$;

alter table review_tasks add column definition_id text, add column definition_version int,
    add column authenticity_checks text[] not null default '{}';

update review_tasks t set definition_id = i.definition_id, definition_version = i.version,
    authenticity_checks = instance_authenticity_checks(i.variables)
from workflow_instances i where i.id = t.instance_id;

alter table review_tasks alter column definition_id set not null, alter column definition_version set not null;

create or replace function review_tasks_order_fields() returns trigger language plpgsql as $$
begin
    if new.filing_type is null or new.province is null then
        select o.filing_type, o.province into new.filing_type, new.province from filing_orders o where o.id = new.order_id;
    end if;
    if new.definition_id is null or new.definition_version is null then
        select i.definition_id, i.version, instance_authenticity_checks(i.variables)
        into new.definition_id, new.definition_version, new.authenticity_checks
        from workflow_instances i where i.id = new.instance_id;
    end if;
    return new;
end $$;
