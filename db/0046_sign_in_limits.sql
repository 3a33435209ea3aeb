-- 0046: sign-in attempts counted in the database, per client address and per account name over the last minute,
-- so that every node of a cluster counts against the same limit (an in-memory limiter let N nodes allow N times the
-- attempts). Only credential submissions count, not loads of the sign-in page. Rows older than ten minutes are
-- removed as new attempts arrive.
create table sign_in_attempts (
    scope text not null check (scope in ('address', 'account')),
    key   text not null,
    at    timestamptz not null
);

create index sign_in_attempts_key on sign_in_attempts (scope, key, at);
create index sign_in_attempts_at on sign_in_attempts (at);
