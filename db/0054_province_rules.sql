-- 0054: the provider's rules per province (SMS window and whether the province has an SMS step,
-- verification methods and who may use them, mailed originals, the authenticity form's checks,
-- phone and site-name rules) become data that compliance edits instead of constants in the
-- validation code. Each save is a new version with its author, time and note; the newest is in
-- force. No row: the shipped defaults of ProvinceRules/ProvinceRuleDefaults.cs apply.
create table province_rule_versions (
    version integer primary key check (version > 0),
    rules jsonb not null,
    note text not null,
    saved_by text not null,
    saved_at timestamptz not null
);
