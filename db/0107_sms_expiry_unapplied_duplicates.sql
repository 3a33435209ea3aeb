-- 0107: 0058 back-filled the bureau event sms-expired (短信核验超时) for SMS windows that closed by the clock
-- before the timer recorded expiries as bureau events, but it left an expiry alone when ANY sms-expired event
-- lay within a minute of it, applied or not. Before that change the liaison could enter sms-expired (by hand or
-- from the bureau's results sheet) just after the window had closed: nothing waited for it any more, so it was
-- recorded with applied = false, and the reports read only applied events. Such an order is rejected in the
-- workflow but still counted as pending in the bureau-results workbook, with no reason. Every expiry of the
-- journal (a wait-for-event on sms-verified that ended with the outcome expired) without an APPLIED
-- sms-expired event within a minute of it gets one at the time the window closed, with an audit row.
-- Idempotent: an expiry that has its applied event (recorded by the timer, the liaison, 0058 or an earlier
-- run of this file) is left alone.
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
          where e.order_id = j.order_id and e.kind = 'sms-expired' and e.applied
            and e.received_at between j.at - interval '1 minute' and j.at + interval '1 minute')
),
inserted as (
    insert into bureau_events (id, order_id, kind, payload, received_at, received_by, applied, note)
    select gen_random_uuid(), x.order_id, 'sms-expired', '{"kind": "sms-expired", "reasonCodes": null}'::jsonb, x.at, 'timer', true,
           'recorded by migration 0107: the SMS window closed before expiries were recorded as bureau events, and the sms-expired entered after it was not applied'
    from expiries x
    returning order_id, received_at
)
insert into audit_log (at, actor, action, entity_type, entity_id, details)
select now(), 'migration-0107', 'bureau-event', 'filing-order', o.order_number,
       jsonb_build_object('kind', 'sms-expired', 'applied', true, 'closedAt', n.received_at, 'backfilled', true)
from inserted n join filing_orders o on o.id = n.order_id;
