-- 0034: four-eyes publishing. Publishing a draft no longer makes it live: it becomes a candidate
-- awaiting the approval of a second compliance manager (or an admin); the approval makes it the
-- published version, a rejection keeps it on record as rejected. At most one candidate waits per
-- definition. requested_by/at say who asked for publication; decided_by/at and decision_note who
-- approved or rejected it and why (published_by/at keep meaning who made it live, and when).

alter table workflow_definition_versions drop constraint workflow_definition_versions_status_check;
alter table workflow_definition_versions add constraint workflow_definition_versions_status_check
    check (status in ('draft', 'awaiting-approval', 'published', 'rejected', 'retired'));

alter table workflow_definition_versions
    add column requested_by  text,
    add column requested_at  timestamptz,
    add column decided_by    text,
    add column decided_at    timestamptz,
    add column decision_note text;

create unique index workflow_definition_one_candidate on workflow_definition_versions (definition_id) where status = 'awaiting-approval';
