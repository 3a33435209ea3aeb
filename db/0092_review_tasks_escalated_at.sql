-- 0092: the SLA workbook's escalations sheet reads the review tasks escalated in its period
-- (escalated_at, set once by the SLA sweep). Without an index that read went through every review
-- task; few tasks are ever escalated, so a partial index keeps it small.
create index review_tasks_escalated_at on review_tasks (escalated_at) where escalated_at is not null;
