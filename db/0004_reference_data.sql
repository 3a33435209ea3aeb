-- 0004: the return-reason catalogue (DOMAIN.md common return reasons; editable by compliance)
-- and the application clock offset used by test mode.

create table reason_codes (
    code     text primary key,
    label_zh text not null,
    label_en text not null,
    active   boolean not null default true,
    sort     int not null
);

insert into reason_codes (code, label_zh, label_en, sort) values
    ('certificate-unclear', '证件图片不清晰或不完整', 'Certificate image unclear or incomplete', 10),
    ('certificate-expired', '证件已过期', 'Certificate expired', 20),
    ('certificate-mismatch', '名称或号码与证件不符', 'Name or number does not match the certificate', 30),
    ('address-not-detailed', '地址未详细到门牌号', 'Address not detailed to the door number', 40),
    ('domain-holder-mismatch', '域名持有者与主体不一致', 'Domain holder does not match the subject', 50),
    ('domain-not-verified', '域名未实名认证', 'Domain not real-name verified', 60),
    ('domain-suffix-not-fileable', '域名后缀不可备案', 'Domain suffix cannot be filed', 70),
    ('website-name-noncompliant', '网站名称不合规（个人网站名称涉及单位等）', 'Website name non-compliant (personal site looks like an organisation)', 80),
    ('service-remark-missing', '缺少网站内容备注', 'Service content remark missing', 90),
    ('pre-approval-missing', '缺少前置审批文件', 'Pre-approval document missing', 100),
    ('principal-inconsistent', '负责人信息不一致', 'Principal information inconsistent', 110),
    ('phone-unreachable', '电话无法接通', 'Phone unreachable', 120),
    ('curtain-photo-noncompliant', '幕布照片不合规（背景、面部、非负责人本人）', 'Curtain photo non-compliant (background, face, person not the principal)', 130),
    ('authenticity-form-invalid', '核验单未签字或填写错误', 'Authenticity form unsigned or wrong', 140),
    ('site-opened-before-approval', '网站在备案通过前已开通', 'Site opened before approval', 150),
    ('cross-province-not-allowed', '不允许跨省备案', 'Cross-province filing not allowed', 160),
    ('principal-not-legal-representative', '负责人须为法定代表人', 'Organisation principal is not the legal representative where required', 170),
    ('duplicate-order', '存在进行中的重复订单', 'Duplicate order in progress', 180);

create table application_clock (
    id           int primary key check (id = 1),
    offset_ticks bigint not null
);
