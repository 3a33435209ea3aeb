-- 0018: staff accounts get an e-mail address. SLA escalations are mailed to the team's leads, and a
-- username is not an address: the outbox held usernames as e-mail recipients and nothing could be
-- delivered. A lead without an address gets the in-app notice only. Set on /admin/users.
alter table users add column email text check (email is null or (length(email) <= 254 and email like '%_@_%'));
