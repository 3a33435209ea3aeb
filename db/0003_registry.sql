-- 0003: the filing registry. Subjects, websites and domains filed nationally, and which access
-- providers hold each website. Records filed through this provider carry its provider code; the
-- rest stand in for the national registry (MIIT) that filing-type resolution reads.

create table registry_subjects (
    subject_filing_number text primary key,
    certificate_type      text not null,
    certificate_number    text not null,
    name                  text not null,
    nature                text,
    province              text not null,
    provider              text not null,
    filing_password_hash  text,
    unique (certificate_type, certificate_number)
);

create table registry_websites (
    website_filing_number text primary key,
    subject_filing_number text not null references registry_subjects (subject_filing_number),
    name                  text
);

create index registry_websites_subject on registry_websites (subject_filing_number);

create table registry_domains (
    domain                text primary key,
    website_filing_number text not null references registry_websites (website_filing_number)
);

create index registry_domains_website on registry_domains (website_filing_number);

create table registry_accesses (
    website_filing_number text not null references registry_websites (website_filing_number),
    provider              text not null,
    access_kind           text,
    access_value          text,
    primary key (website_filing_number, provider)
);

create index registry_accesses_value on registry_accesses (access_kind, access_value);
