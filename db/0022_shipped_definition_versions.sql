-- 0022: the product ships new versions of its default workflow definitions (electronic
-- verification, the website number in the approval notice) without editing published ones. Each
-- shipped version is imported once, as the definition's next version; this table remembers which
-- were imported. Every version 1 saved by the system so far was the first shipped version.
create table workflow_shipped_versions (
    definition_id   text not null references workflow_definitions (id),
    shipped_version int not null,
    version         int not null,
    imported_at     timestamptz not null,
    primary key (definition_id, shipped_version),
    foreign key (definition_id, version) references workflow_definition_versions (definition_id, version)
);

insert into workflow_shipped_versions (definition_id, shipped_version, version, imported_at)
select definition_id, 1, 1, saved_at from workflow_definition_versions where version = 1 and saved_by = 'system';
