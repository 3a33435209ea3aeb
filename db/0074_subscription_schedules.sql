-- 0074: a report subscription's schedule can be chosen without writing a cron: every day, every week
-- on chosen weekdays, or every month on a day, at a time of day (China time), on working days only
-- or on every day. The chosen fields are kept beside the Quartz cron the trigger runs on (cron stays
-- the trigger's expression for every frequency). Subscriptions made before are cron schedules on
-- working days only, as they ran: they keep working unchanged.
alter table report_subscriptions
    add column frequency text not null default 'cron' check (frequency in ('daily', 'weekly', 'monthly', 'cron')),
    add column at_time time,
    add column weekdays text[] not null default '{}',
    add column month_day int check (month_day between 1 and 28),
    add column working_days_only boolean not null default true;

alter table report_subscriptions add constraint report_subscriptions_schedule check (
    (frequency = 'cron' and at_time is null and month_day is null and cardinality(weekdays) = 0)
    or (frequency = 'daily' and at_time is not null and month_day is null and cardinality(weekdays) = 0)
    or (frequency = 'weekly' and at_time is not null and month_day is null and cardinality(weekdays) between 1 and 7)
    or (frequency = 'monthly' and at_time is not null and month_day is not null and cardinality(weekdays) = 0));
