namespace Backoffice.Workflows.Labels;

/// <summary>The kinds of code the domain has; each has its Chinese and English labels in <see cref="LabelCatalogue"/>.</summary>
public enum LabelSet
{
    /// <summary>Subject natures (性质): enterprise, individual, ….</summary>
    Nature,

    /// <summary>Certificate types (证件类型) of subjects and principals.</summary>
    CertificateType,

    /// <summary>A website's service content (服务内容).</summary>
    ServiceContent,

    /// <summary>A website's pre-approval categories (前置审批).</summary>
    PreApproval,

    /// <summary>A website's languages.</summary>
    Language,

    /// <summary>The kind of a website's access resource (接入资源).</summary>
    AccessResource,

    /// <summary>How the principal is verified (核验方式).</summary>
    VerificationMethod,

    /// <summary>The authenticity form's province checks (handwritten pledge, fingerprint).</summary>
    AuthenticityCheck,

    /// <summary>Provinces by GB/T 2260 code (read from <see cref="Filings.Provinces"/>).</summary>
    Province,

    /// <summary>The kinds of uploaded material.</summary>
    MaterialKind,

    /// <summary>Public statuses of an order (read from <see cref="Filings.FilingStatus"/>).</summary>
    Status,

    /// <summary>Filing types (read from <see cref="Filings.FilingType"/>).</summary>
    FilingType,

    /// <summary>Reviewer teams (处理组) of the seeded workflow; a team added later is shown by its name.</summary>
    Team,

    /// <summary>States of a review task.</summary>
    TaskState,

    /// <summary>Outcomes a step ends with (approve 通过, return 退回, timeout 超时, …).</summary>
    Outcome,

    /// <summary>Staff roles and the console.</summary>
    Role,

    /// <summary>Kinds of bureau event (sms-verified, approved, …).</summary>
    BureauEvent,

    /// <summary>Notification channels.</summary>
    Channel,

    /// <summary>Notification recipients.</summary>
    Recipient,

    /// <summary>What a wait-for-applicant step asks of the applicant.</summary>
    ApplicantAction,

    /// <summary>The events a wait-for-event step waits for.</summary>
    WorkflowEvent,

    /// <summary>How a process ends.</summary>
    EndResult,

    /// <summary>Units of a time limit.</summary>
    DurationUnit,

    /// <summary>Activity types of the workflow designer (read from <see cref="Definitions.ActivityTypes"/>).</summary>
    ActivityType,

    /// <summary>Order events that are not status changes (created, updated, …).</summary>
    OrderEvent,

    /// <summary>How often a report subscription runs (daily, weekly, monthly, a Quartz expression).</summary>
    ScheduleFrequency,

    /// <summary>Days of the week, Monday first.</summary>
    Weekday,
}
