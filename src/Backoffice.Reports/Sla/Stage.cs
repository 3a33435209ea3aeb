using Backoffice.Reports.Statistics;

namespace Backoffice.Reports.Sla;

/// <summary>How a stage's durations are counted: working hours, natural hours (the 24-hour SMS limit) or working days.</summary>
public enum StageUnit
{
    WorkingHours,
    Hours,
    WorkingDays,
}

/// <summary>
/// A stage of the filing process whose time is measured. Review stages take their deadline from
/// the task (the definition's SLA); the bureau stages have the limits of the process: submission
/// within 1 working day, SMS verification within 24 hours, bureau review within 20 working days.
/// </summary>
public sealed record Stage(string Key, string Zh, string En, StageUnit Unit)
{
    public const double HoursPerWorkingDay = 8;

    public static readonly IReadOnlyList<Stage> All =
    [
        new("initial-review", "初审", "Initial review", StageUnit.WorkingHours),
        new("verification", "核验", "Verification", StageUnit.WorkingHours),
        new("second-review", "复审", "Second review", StageUnit.WorkingHours),
        new("submission", "提交管局", "Submission", StageUnit.WorkingHours),
        new("sms-verification", "短信核验", "SMS verification", StageUnit.Hours),
        new("bureau-review", "管局审核", "Bureau review", StageUnit.WorkingDays),
    ];

    public static Stage Of(string key) => All.FirstOrDefault(s => s.Key == key) ?? new Stage(key, key, key, StageUnit.WorkingHours);

    /// <summary>The stage's place in the process; stages of other teams come last.</summary>
    public int Order
    {
        get
        {
            var index = All.ToList().FindIndex(s => s.Key == Key);
            return index < 0 ? All.Count : index;
        }
    }

    /// <summary>The stage's name; a review stage of a team the process does not list (one compliance added) is its team's name.</summary>
    public string Name(ReportParameters p, Names names) => Order < All.Count ? p.T(Zh, En) : names.Team(Key);

    public string UnitName(ReportParameters p) => Unit switch
    {
        StageUnit.Hours => p.T("小时", "hours"),
        StageUnit.WorkingDays => p.T("工作日", "working days"),
        _ => p.T("工作小时", "working hours"),
    };

    /// <summary>The deadline of a stage that started at <paramref name="start"/>, when the task did not set one.</summary>
    public DateTimeOffset DueAfter(DateTimeOffset start, WorkingTime time) => Key switch
    {
        "sms-verification" => start.AddHours(24),
        "bureau-review" => time.AddWorkingDays(start, 20),
        _ => time.AddWorkingDays(start, 1),
    };

    /// <summary>The time from <paramref name="from"/> to <paramref name="to"/> in the stage's unit.</summary>
    public double Measure(DateTimeOffset from, DateTimeOffset to, WorkingTime time) => Unit switch
    {
        StageUnit.Hours => (to - from).TotalHours,
        StageUnit.WorkingDays => time.HoursBetween(from, to) / HoursPerWorkingDay,
        _ => time.HoursBetween(from, to),
    };
}
