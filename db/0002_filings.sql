-- 0002: filing orders, their websites, materials and timeline, and the audit log.
-- The order body (subject, websites) is kept as submitted in jsonb; the columns beside it are
-- what lists, filters and the quota and uniqueness rules query.

create sequence filing_order_number_seq;

create table filing_orders (
    id                         uuid primary key,
    order_number               text not null unique,
    filing_type                text not null,
    status                     text not null,
    province                   text not null,
    subject_nature             text,
    subject_name               text not null,
    subject_certificate_type   text not null,
    subject_certificate_number text not null,
    subject_filing_number      text,
    website_filing_number      text,
    verification_method        text,
    body                       jsonb not null,
    created_by                 text not null,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    submitted_at               timestamptz,
    row_version                int not null default 1
);

-- One order in progress per subject (DOMAIN.md: one order in progress per account).
create unique index filing_orders_one_in_progress
    on filing_orders (subject_certificate_type, subject_certificate_number)
    where status not in ('approved', 'withdrawn', 'expired');
create index filing_orders_status on filing_orders (status, created_at desc);
create index filing_orders_type on filing_orders (filing_type, created_at desc);
create index filing_orders_province on filing_orders (province, created_at desc);
create index filing_orders_created on filing_orders (created_at desc);

create table filing_websites (
    order_id     uuid not null references filing_orders (id) on delete cascade,
    idx          int not null,
    name         text not null,
    domains      text[] not null,
    access_kind  text,
    access_value text,
    primary key (order_id, idx)
);

create index filing_websites_domains on filing_websites using gin (domains);
create index filing_websites_access on filing_websites (access_kind, access_value);

create table filing_materials (
    id            uuid primary key,
    order_id      uuid not null references filing_orders (id) on delete cascade,
    kind          text not null,
    website_index int,
    file_name     text not null,
    content_type  text not null,
    size_bytes    int not null,
    sha256        bytea not null,
    content       bytea not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null
);

create index filing_materials_order on filing_materials (order_id);

create table filing_timeline (
    id       bigserial primary key,
    order_id uuid not null references filing_orders (id) on delete cascade,
    at       timestamptz not null,
    status   text not null,
    step     text,
    actor    text not null,
    note     text
);

create index filing_timeline_order on filing_timeline (order_id, id);

create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null,
    actor       text not null,
    action      text not null,
    entity_type text not null,
    entity_id   text not null,
    details     jsonb not null default '{}'
);

create index audit_log_entity on audit_log (entity_type, entity_id, id);
