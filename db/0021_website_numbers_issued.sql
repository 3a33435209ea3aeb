-- 0021: a website filing number is never given twice. The next website of a subject was numbered
-- from the count of its live websites, so deregistering -2 of -1..-3 gave the next site -3 again.
-- Every website number issued is kept here for good (a deregistered website's row goes, its number
-- stays), the next serial follows the highest issued, and the keys make a collision impossible:
-- one row per number, one number per (subject, serial), and every registry website holds an issued
-- number.
create table registry_website_numbers (
    website_filing_number text primary key,
    subject_filing_number text not null,
    serial                int not null check (serial > 0),
    constraint registry_website_numbers_serial unique (subject_filing_number, serial)
);

insert into registry_website_numbers (website_filing_number, subject_filing_number, serial)
select website_filing_number, subject_filing_number, substring(website_filing_number from '-(\d+)$')::int
from registry_websites;

alter table registry_websites add constraint registry_websites_number_issued
    foreign key (website_filing_number) references registry_website_numbers (website_filing_number);

create function registry_website_numbers_kept() returns trigger language plpgsql as $$
begin
    raise exception 'website filing number % was issued and is never reused or withdrawn', old.website_filing_number
        using errcode = 'integrity_constraint_violation';
end $$;

create trigger registry_website_numbers_kept before update or delete on registry_website_numbers
    for each row execute function registry_website_numbers_kept();
