-- 0023: the filing password (备案密码) of access filings and subject deregistrations is a secret.
-- It was kept in clear inside the order body; it is now kept only as a salted hash in its own
-- column, which the bureau submission alone reads. Passwords already stored are hashed here
-- (salted SHA-256, sha256$salt$hash) and removed from the bodies.
alter table filing_orders add column filing_password_hash text;

update filing_orders
set filing_password_hash = 'sha256$' || salt || '$' || encode(sha256(convert_to(salt || (body ->> 'filingPassword'), 'UTF8')), 'base64'),
    body = body - 'filingPassword'
from (select id as salted_id, md5(random()::text || clock_timestamp()::text) as salt from filing_orders where body ? 'filingPassword') s
where id = s.salted_id;
