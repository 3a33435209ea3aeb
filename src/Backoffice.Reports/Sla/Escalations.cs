using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Labels;
using Npgsql;

namespace Backoffice.Reports.Sla;

/// <summary>
/// Review tasks escalated to their team's leads in the period (the SLA sweep sets a task's
/// <c>escalated_at</c> once, when its escalation time passes while it is still open): per team and
/// stage (a review task's stage is its team's: 初审组 初审) how many, on how many orders, and what became of
/// them; and every escalated task with its order.
/// </summary>
internal sealed class Escalations
{
    public const string Rows =
        $"""
        select o.id, o.order_number, o.filing_type, o.province, t.team, coalesce(t.completed_by, t.assignee),
               t.created_at, t.due_at, t.escalated_at, t.completed_at, t.status
        from review_tasks t join filing_orders o on o.id = t.order_id
        where t.escalated_at >= @start and t.escalated_at < @end
          and (@team::text is null or t.team = @team) and {Report.OrderFilter}
        order by t.escalated_at, o.order_number
        """;

    private readonly Dictionary<string, Counts> _groups = new(StringComparer.Ordinal);

    /// <summary>How the escalated tasks of one team and stage stand when the report is built.</summary>
    public sealed class Counts
    {
        public HashSet<Guid> Orders { get; } = [];

        public int Escalated { get; set; }

        public int Done { get; set; }

        public int Open { get; set; }

        public int Cancelled => Escalated - Done - Open;
    }

    /// <summary>Reads the escalated tasks, counting each in its team and stage and writing it to <paramref name="list"/> when given.</summary>
    public async Task<long> ReadAsync(NpgsqlConnection connection, ReportParameters p, Names names, DetailSheet? list, CancellationToken ct)
    {
        long rows = 0;
        var unclaimed = p.T("（未领取）", "(unclaimed)");
        await using var command = Report.Command(connection, Rows, p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var team = reader.GetString(4);
            var stage = Stage.Of(team);
            var status = reader.GetString(10);
            var counts = Get(team);
            counts.Escalated++;
            counts.Orders.Add(reader.GetGuid(0));
            counts.Done += status == "done" ? 1 : 0;
            counts.Open += status == "open" ? 1 : 0;
            list?.Add(p.OrderCell(reader.GetGuid(0), reader.GetString(1)), Labels.FilingType(p, reader.GetString(2)), Labels.Province(p, reader.GetString(3)),
                names.Team(team), stage.Name(p, names), reader.IsDBNull(5) ? unclaimed : names.User(reader.GetString(5)),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9), LabelCatalogue.Of(LabelSet.TaskState, status, p.English));
            rows++;
        }

        return rows;
    }

    /// <summary>Per team (by name) and stage, in the process's order.</summary>
    public IEnumerable<(string Team, Stage Stage, Counts Counts)> Groups(Names names) =>
        _groups.Select(g => (g.Key, Stage.Of(g.Key), g.Value))
            .OrderBy(g => g.Item2.Order).ThenBy(g => names.Team(g.Key), StringComparer.Ordinal);

    /// <summary>The detail sheet of the escalated tasks, one row each.</summary>
    public static DetailSheet AddList(ReportWorkbook workbook, ReportParameters p) =>
        workbook.AddDetail(p.T("升级明细", "Escalated tasks"),
        [
            new(p.T("订单号", "Order")), new(p.T("备案类型", "Filing type")), new(p.T("省份", "Province")), new(p.T("处理组", "Team")),
            new(p.T("环节", "Stage")), new(p.T("处理人", "Assignee")), new(p.T("开始时间", "Started"), ColumnKind.DateTime),
            new(p.T("时限", "Due"), ColumnKind.DateTime), new(p.T("升级时间", "Escalated"), ColumnKind.DateTime),
            new(p.T("完成时间", "Done"), ColumnKind.DateTime), new(p.T("当前状态", "State now")),
        ]);

    /// <summary>The summary sheet: per team and stage, escalated tasks, their orders, done, still open and cancelled, with totals.</summary>
    public void AddTable(ReportWorkbook workbook, ReportParameters p, Names names)
    {
        var groups = Groups(names).ToList();
        workbook.AddTable(p.T("超时升级", "Escalations"),
            [
                new(p.T("处理组", "Team")), new(p.T("环节", "Stage")), new(p.T("升级任务数", "Escalated tasks"), ColumnKind.Integer),
                new(p.T("涉及订单数", "Orders"), ColumnKind.Integer), new(p.T("已完成", "Done"), ColumnKind.Integer),
                new(p.T("仍未完成", "Still open"), ColumnKind.Integer), new(p.T("已取消", "Cancelled"), ColumnKind.Integer),
            ],
            groups.Select(g => (object?[])[names.Team(g.Team), g.Stage.Name(p, names), g.Counts.Escalated, g.Counts.Orders.Count, g.Counts.Done, g.Counts.Open, g.Counts.Cancelled]),
            [
                p.T("合计", "Total"), null, groups.Sum(g => g.Counts.Escalated), groups.SelectMany(g => g.Counts.Orders).Distinct().Count(),
                groups.Sum(g => g.Counts.Done), groups.Sum(g => g.Counts.Open), groups.Sum(g => g.Counts.Cancelled),
            ]);
    }

    private Counts Get(string team)
    {
        if (!_groups.TryGetValue(team, out var counts))
        {
            counts = new Counts();
            _groups[team] = counts;
        }

        return counts;
    }
}
