-- 0048: the ASP.NET Data Protection key ring moves from each node's home directory into the
-- database, so a staff cookie or a form signed by one node is accepted by every other node and a
-- node restarted with a new home keeps everyone signed in. Each key's XML is stored encrypted
-- with Backoffice:DataProtectionKey (AES-GCM); the column never holds a key in the clear.
create table data_protection_keys (
    friendly_name text primary key,
    xml text not null,
    stored_at timestamptz not null default now()
);
