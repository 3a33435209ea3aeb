-- 0039: English workbooks and pages named teams by their ids (initial-review); each team gets an
-- English name beside its Chinese one. A team added later without one is shown by its Chinese name.
alter table teams add column name_en text;

update teams set name_en = case id
    when 'initial-review' then 'Initial review team'
    when 'verification' then 'Verification team'
    when 'second-review' then 'Second review team'
end
where id in ('initial-review', 'verification', 'second-review');
