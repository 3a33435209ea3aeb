-- The reviewers who hold the inbox benchmark's open tasks (InboxSeed.sql assigns them to "reviewer" and
-- to r0 … r49), as members of the three reviewer teams, and the lead of all three: what the lead board
-- of a working day shows (53 members, 66,667 open tasks held). Run before InboxSeed.sql on a database
-- without the app's demo accounts (its saved views belong to "lead" and "reviewer"); nobody can sign
-- in as these users. Safe to run again.
insert into users (username, display_name, password_hash, roles)
select name, display_name, '!', roles
from (values ('lead', '审核组长', '{team-lead,reviewer}'::text[]), ('reviewer', '审核员甲', '{reviewer}'), ('reviewer2', '审核员乙', '{reviewer}')) demo(name, display_name, roles)
union all
select 'r' || i, '基准审核员' || i, '!', '{reviewer}'::text[] from generate_series(0, 49) i
on conflict (username) do nothing;

insert into team_members (team_id, user_id, is_lead)
select team, u.id, u.username = 'lead'
from users u, unnest(array['initial-review', 'verification', 'second-review']) team
where u.username in ('lead', 'reviewer', 'reviewer2') or u.username ~ '^r[0-9]+$'
on conflict (team_id, user_id) do nothing;
