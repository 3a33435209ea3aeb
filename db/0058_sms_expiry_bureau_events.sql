-- 0058: an SMS window (短信核验) that closed by the clock before the timer recorded it as the bureau's
-- return left no bureau event: the workflow rejected the order, but the bureau-results workbook read the
-- submission as pending and gave no reason. Every such expiry of the journal (a wait-for-event on
-- sms-verified that ended with the outcome expired) gets the applied bureau event sms-expired
-- (短信核验超时) at the time the window closed, as the timer now records it, with an audit row.
-- Idempotent: an expiry that already has its sms-expired event (recorded by the timer, the liaison or an
-- earlier run of this file) within a minute of it is left alone.
with expiries as (
    select j.order_id, j.at
    from workflow_journal j
    join workflow_instances i on i.id = j.instance_id
    join workflow_definition_versions v on v.definition_id = i.definition_id and v.version = i.version
    where j.activity_type = 'wait-for-event' and j.outcome = 'expired'
      and exists (
          select 1 from jsonb_array_elements(v.document -> 'activities') a
          where a ->> 'id' = j.activity_id and a -> 'properties' ->> 'event' = 'sms-verified')
      and not exists (
          select 1 from bureau_events e
          where e.order_id = j.order_id and e.kind = 'sms-expired'
            and e.received_at between j.at - interval '1 minute' and j.at + interval '1 minute')
),
inserted as (
    insert into bureau_events (id, order_id, kind, payload, received_at, received_by, applied, note)
    select gen_random_uuid(), x.order_id, 'sms-expired', '{"kind": "sms-expired", "reasonCodes": null}'::jsonb, x.at, 'timer', true,
           'recorded by migration 0058: the SMS window closed before expiries were recorded as bureau events'
    from expiries x
    returning order_id, received_at
)
insert into audit_log (at, actor, action, entity_type, entity_id, details)
select now(), 'migration-0058', 'bureau-event', 'filing-order', o.order_number,
       jsonb_build_object('kind', 'sms-expired', 'applied', true, 'closedAt', n.received_at, 'backfilled', true)
from inserted n join filing_orders o on o.id = n.order_id;
