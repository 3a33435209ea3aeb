-- 0024: what domain registrars say about a domain (holder, real-name status, expiry), as the
-- domain-registry simulator answers it. Filing orders are checked against it: the holder must be
-- the subject, real-name verified, and the registration must outlast the bureau's review.
create table domain_registrations (
    domain             text primary key,
    registrar          text not null,
    holder_name        text not null,
    certificate_type   text not null,
    certificate_number text not null,
    real_name_verified boolean not null,
    expires_on         date not null,
    updated_at         timestamptz not null
);
