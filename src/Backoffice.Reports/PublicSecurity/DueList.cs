using System.Globalization;
using Backoffice.Reports.Workbooks;
using Npgsql;

namespace Backoffice.Reports.PublicSecurity;

/// <summary>
/// The follow-ups to act on as of the report's day: not reported, and due within the next <see cref="DaysAhead"/> days,
/// or already overdue. "Due" is the filing deadline, the 30th day after approval (公安备案 within 30 days of the site
/// opening, DOMAIN.md), not the day-20 reminder: the workflow sends that reminder by itself, and the sheet lists whether
/// it went out. Each with the team that owns its order (the team of its latest review task) and the owner (who completed
/// or holds that task), listed and counted per team.
/// </summary>
internal sealed class DueList
{
    public const int DaysAhead = 7;

    private readonly DetailSheet _sheet;
    private readonly SortedDictionary<string, (int DueSoon, int Overdue)> _byTeam = new(StringComparer.Ordinal);

    private DueList(DetailSheet sheet) => _sheet = sheet;

    public static DueList Add(ReportWorkbook workbook, ReportParameters p) =>
        new(workbook.AddDetail(p.T("到期与逾期明细", "Due and overdue"),
        [
            new(p.T("订单号", "Order")), new(p.T("省份", "Province")), new(p.T("主体名称", "Subject")),
            new(p.T("批准时间", "Approved"), ColumnKind.DateTime), new(p.T("公安备案截止日（批准后30天）", "Filing deadline (approval + 30 days)")),
            new(p.T("剩余天数", "Days left"), ColumnKind.Integer), new(p.T("逾期天数", "Days overdue"), ColumnKind.Integer),
            new(p.T("第20天提醒发送时间", "Day-20 reminder sent"), ColumnKind.DateTime), new(p.T("负责处理组", "Owner team")), new(p.T("负责人", "Owner")),
            new(p.T("状态", "State")),
        ]));

    /// <summary>Whether a follow-up not reported by the report's day is listed: its deadline falls within the next <see cref="DaysAhead"/> days or has passed.</summary>
    public static bool Lists(ReportParameters p, DateOnly deadline) => deadline.DayNumber - p.To.DayNumber <= DaysAhead;

    /// <summary>One listed follow-up, not reported by the report's day, with its filing deadline, from the report's query row.</summary>
    public void Add(ReportParameters p, Names names, NpgsqlDataReader reader, DateTimeOffset approved, DateOnly deadline, DateTimeOffset? reminded)
    {
        var left = deadline.DayNumber - p.To.DayNumber;
        var overdue = left < 0;
        var team = reader.IsDBNull(10) ? p.T("（无审核任务）", "(no review task)") : names.Team(reader.GetString(10));
        var counts = _byTeam.GetValueOrDefault(team);
        _byTeam[team] = overdue ? (counts.DueSoon, counts.Overdue + 1) : (counts.DueSoon + 1, counts.Overdue);
        _sheet.Add(p.OrderCell(reader.GetGuid(0), reader.GetString(1)), Labels.Province(p, reader.GetString(2)),
            Labels.SubjectName(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)), approved,
            deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), overdue ? null : left, overdue ? -left : null, reminded, team,
            reader.IsDBNull(11) ? null : names.User(reader.GetString(11)),
            overdue ? p.T("逾期", "Overdue") : p.T($"{DaysAhead}天内到期", $"Due within {DaysAhead} days"));
    }

    /// <summary>The per-team counts, with totals, as a summary sheet.</summary>
    public void Finish(ReportWorkbook workbook, ReportParameters p) =>
        workbook.AddTable(p.T("到期与逾期（按处理组）", "Due and overdue by team"),
            [
                new(p.T("负责处理组", "Owner team")), new(p.T($"{DaysAhead}天内到期", $"Due within {DaysAhead} days"), ColumnKind.Integer),
                new(p.T("逾期", "Overdue"), ColumnKind.Integer), new(p.T("合计", "Total"), ColumnKind.Integer),
            ],
            _byTeam.Select(t => (object?[])[t.Key, t.Value.DueSoon, t.Value.Overdue, t.Value.DueSoon + t.Value.Overdue]),
            [
                p.T("合计", "Total"), _byTeam.Values.Sum(t => t.DueSoon), _byTeam.Values.Sum(t => t.Overdue),
                _byTeam.Values.Sum(t => t.DueSoon + t.Overdue),
            ]);
}
