-- 0012: an instance whose decision cannot be evaluated (a script error, a limit, a non-boolean
-- result) stops as 'faulted' instead of failing the action that moved it; the journal holds the
-- error and compliance is told in-app, to fix the definition and handle the order.
alter table workflow_instances drop constraint workflow_instances_status_check;
alter table workflow_instances add constraint workflow_instances_status_check
    check (status in ('running', 'finished', 'cancelled', 'faulted'));
