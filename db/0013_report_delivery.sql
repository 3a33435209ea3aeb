-- 0013: a subscription's firing creates one build whatever happens to the scheduler: the build
-- remembers the firing it was made for, and a firing seen twice (a recovered job on another node of
-- the cluster) finds the build already there. Archive lists read a subscription's builds by it.

alter table report_builds add column fired_at timestamptz;

create unique index report_builds_firing on report_builds (subscription_id, fired_at);
