-- 0020: the journal is read by instance and the timeline by order, never by id alone, so their
-- lookup indexes become their primary keys: every row a step writes goes into one index, not two.
alter table workflow_journal drop constraint workflow_journal_pkey, add primary key (instance_id, id);
drop index workflow_journal_instance;

alter table filing_timeline drop constraint filing_timeline_pkey, add primary key (order_id, id);
drop index filing_timeline_order;
