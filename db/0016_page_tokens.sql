-- 0016: an API token handed to a staff page (the workflow designer) belongs to the cookie session
-- that opened the page, so signing out of the staff pages revokes it with the session.
alter table api_tokens add column staff_session uuid;
create index api_tokens_staff_session on api_tokens (staff_session) where staff_session is not null and revoked_at is null;
