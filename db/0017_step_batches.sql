-- 0017: an engine step sends its writes and its COMMIT in one batch.
--
-- A write that must change exactly one row (the instance at the row version the step read, the task
-- still open) checks its count with expect_one_row: a failed check raises BOS01, which aborts the
-- transaction before the batch reaches its COMMIT, so nothing of the step is written. The message
-- names the write's place in the step ("step write 3 changed 0 rows").
create function expect_one_row(changed bigint, write_index int) returns void language plpgsql as $$
begin
    if changed <> 1 then
        raise exception 'step write % changed % rows', write_index, changed using errcode = 'BOS01';
    end if;
end $$;

-- A task opened by a step carries its order's filing type and province from the order the step
-- holds; the trigger fills them only for inserts that leave them out.
create or replace function review_tasks_order_fields() returns trigger language plpgsql as $$
begin
    if new.filing_type is null or new.province is null then
        select o.filing_type, o.province into new.filing_type, new.province from filing_orders o where o.id = new.order_id;
    end if;
    return new;
end $$;
