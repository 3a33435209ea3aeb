using Backoffice.Reports.Statistics;
using Backoffice.Reports.Workbooks;

namespace Backoffice.Reports.Sla;

/// <summary>
/// Where the time goes: the working days of each stage done in the period (started in it, as every SLA figure),
/// median and p90, per filing type and per province. Every stage is counted in working days on the calendar,
/// the SMS verification too (its SLA is 24 natural hours, but here it is the desk's time that is compared).
/// </summary>
internal sealed class StageTimes(ReportParameters p, Names names)
{
    private readonly Dictionary<(string Type, Stage Stage), Durations> _byType = [];
    private readonly Dictionary<(string Province, Stage Stage), Durations> _byProvince = [];

    public void Add(string filingType, string province, Stage stage, double workingDays)
    {
        SlaReport.Get(_byType, (filingType, stage)).AddDone(workingDays, true);
        SlaReport.Get(_byProvince, (province, stage)).AddDone(workingDays, true);
    }

    public void AddSheets(ReportWorkbook workbook)
    {
        Column[] stats =
        [
            new(p.T("环节", "Stage")), new(p.T("完成数", "Done"), ColumnKind.Integer),
            new(p.T("中位数（工作日）", "Median (working days)"), ColumnKind.Decimal), new(p.T("P90（工作日）", "P90 (working days)"), ColumnKind.Decimal),
        ];
        workbook.AddTable(p.T("环节用时（按类型）", "Stage time by type"), [new(p.T("备案类型", "Filing type")), .. stats],
            _byType.OrderBy(x => x.Key.Type, StringComparer.Ordinal).ThenBy(x => x.Key.Stage.Order)
                .Select(x => Row(Labels.FilingType(p, x.Key.Type), x.Key.Stage, x.Value)));
        workbook.AddTable(p.T("环节用时（按省份）", "Stage time by province"), [new(p.T("省份", "Province")), .. stats],
            _byProvince.OrderBy(x => x.Key.Province, StringComparer.Ordinal).ThenBy(x => x.Key.Stage.Order)
                .Select(x => Row(Labels.Province(p, x.Key.Province), x.Key.Stage, x.Value)));
    }

    private object?[] Row(string key, Stage stage, Durations d) => [key, stage.Name(p, names), d.Count, d.Median, d.P90];
}
