namespace Backoffice.Web.Infrastructure;

/// <summary>Management's Excel reports, their archive and subscriptions, and the dashboard's figures.</summary>
public static partial class OpenApiOperations
{
    private const string PeriodErrors =
        "`from` / `to` `required`, `date-format` (yyyy-MM-dd) or `report-date-range`; `to` `report-period-order` or "
        + "`report-period-too-long`; `filingType` / `team` `invalid-choice`; `province` `province-unknown`; a parameter the report "
        + "does not take `report-filter-unsupported`.";

    private const string ScheduleErrors =
        "`kind` `invalid-choice`; `frequency` `required` or `invalid-choice`; `time` `required` or `time-format` (HH:mm); "
        + "`weekdays` `weekdays-required`, `weekdays[i]` `invalid-choice`; `monthDay` `required` or `month-day-range`; `cron` "
        + "`required`, `too-long`, `cron-five-fields`, `cron-invalid`, `cron-never-fires` or `cron-too-frequent`; `periodDays` "
        + "`required` or `period-days-range`; `recipients` `recipients-count` or `duplicate-values`, `recipients[i]` `email-format`.";

    private const string CronAdminOnly = "`cron-admin-only`: a Quartz cron schedule is for admins; others choose daily, weekly or monthly.";

    private static Dictionary<string, OperationText> Reports => new()
    {
        ["GET /api/reports/sla.xlsx"] = new(
            "Download the SLA workbook",
            "SLA attainment per stage, team and reviewer against the targets, with trends, breaches and open work by age, for "
            + "`from`–`to` (yyyy-MM-dd, China dates), optionally one filing type, province or team; `lang=en` for English sheets.")
        {
            Answers = { [400] = PeriodErrors },
        },
        ["GET /api/reports/bureau-results.xlsx"] = new(
            "Download the bureau results workbook",
            "Approval rates per province, rejection reasons ranked and every submission to the bureau for `from`–`to`, optionally one "
            + "filing type or province; `lang=en` for English sheets.")
        {
            Answers = { [400] = PeriodErrors },
        },
        ["GET /api/reports/public-security.xlsx"] = new(
            "Download the public-security follow-up workbook",
            "Approved orders and their public-security filing (due within 30 days of opening) as of `asOf` (yyyy-MM-dd, today when "
            + "left out): reported, due soon, overdue, with the owner team.")
        {
            Answers = { [400] = "`asOf` `date-format` or `report-as-of-future`; `filingType` `invalid-choice`; `province` `province-unknown`." },
        },
        ["POST /api/reports/builds"] = new(
            "Build a report in the background",
            "`{kind: sla|bureau-results|public-security, from, to, asOf, filingType, province, team, lang: zh|en}` → 201 with the "
            + "queued build; follow it in the archive and download its file when `status` is done.")
        {
            Answers = { [400] = $"`kind` / `lang` `invalid-choice`; {PeriodErrors}" },
        },
        ["GET /api/reports/builds"] = new(
            "List the report archive",
            "Builds newest first: status (queued, running, done, failed), progress, size, error and the file's URL.")
        {
            Answers = { [400] = "`page` `page-range`; `pageSize` `page-size-range`." },
        },
        ["GET /api/reports/builds/{id}"] = new(
            "Read a report build",
            "One build's status and progress.")
        {
            Answers = { [404] = "No such build." },
        },
        ["GET /api/reports/builds/{id}/file"] = new(
            "Download a built workbook",
            "The workbook as an attachment once the build is done. Audited.")
        {
            Answers = { [404] = "No such build, or it has no file yet." },
        },
        ["GET /api/reports/subscriptions"] = new(
            "List report subscriptions",
            "Scheduled reports with their schedule in words, period, recipients and next run."),
        ["GET /api/reports/subscriptions/{id}"] = new(
            "Read a report subscription",
            "One subscription as listed.")
        {
            Answers = { [404] = "No such subscription." },
        },
        ["POST /api/reports/subscriptions"] = new(
            "Subscribe to a scheduled report",
            "`{kind, frequency: daily|weekly|monthly|cron, time: \"HH:mm\", weekdays, monthDay, workingDaysOnly, cron, periodDays, "
            + "filingType, province, team, recipients, lang, active}`: the report is built on the schedule (China time, on working days only by default) and mailed.")
        {
            Answers = { [400] = ScheduleErrors, [403] = CronAdminOnly },
        },
        ["POST /api/reports/subscriptions/preview"] = new(
            "Preview a schedule's next five runs",
            "The same body as a subscription → `{schedule, nextRuns, yearsWithoutCalendar}`, before saving; only the schedule's fields are checked.")
        {
            Answers = { [400] = ScheduleErrors, [403] = CronAdminOnly },
        },
        ["PUT /api/reports/subscriptions/{id}"] = new(
            "Change a report subscription",
            "Replaces the subscription with the body, checked as on creation.")
        {
            Answers = { [400] = ScheduleErrors, [403] = CronAdminOnly, [404] = "No such subscription." },
        },
        ["DELETE /api/reports/subscriptions/{id}"] = new(
            "Cancel a report subscription",
            "No further runs are built or mailed.")
        {
            Answers = { [404] = "No such subscription." },
        },
        ["GET /api/dashboard"] = new(
            "Read the dashboard's figures",
            "The management dashboard's headline figures for `from`–`to` (yyyy-MM-dd; the last 30 days when both are left out): SLA per stage, inflow, outflow and backlog per "
            + "week, approval rate per province, escalations per team, and the targets, equal to the workbooks' cells; and the workbooks' cover "
            + "headlines beside the previous period and the same period last year, with red/amber/green against the targets. A "
            + "team lead gets his own teams' figures only.")
        {
            Answers = { [400] = "`from` / `to` `required`, `date-format` or `report-date-range`; `to` `report-period-order` or `report-period-too-long`; `team` `invalid-choice`.",
                [404] = "A team the lead does not lead." },
        },
    };
}
