-- 0019: the order row counts its bureau submissions, so a step that submits numbers the new attempt
-- from the order it has locked and writes the submission with its other writes.
alter table filing_orders add column bureau_attempts int not null default 0;

update filing_orders o set bureau_attempts = s.attempts
from (select order_id, max(attempt) as attempts from bureau_submissions group by order_id) s
where s.order_id = o.id;
