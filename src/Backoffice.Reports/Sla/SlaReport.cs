using Backoffice.Reports.Statistics;
using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Npgsql;

namespace Backoffice.Reports.Sla;

/// <summary>
/// SLA per stage, per team and per reviewer (also as a matrix), every breach as a row, open work by age,
/// stage times per filing type and province, and the tasks escalated to team leads in the period
/// (<see cref="Escalations"/>). Stages that started in the period count: review tasks (not cancelled),
/// bureau submissions, and the SMS-verification and bureau-review statuses of the timeline up to the
/// order's next status. Rows are streamed from PostgreSQL, with those of the periods the cover compares
/// in the same query; durations are counted on the working-day calendar.
/// </summary>
public sealed class SlaReport : Report
{
    /// <summary>The stages that started in the period (@start to @end), filters applied: the dashboard reads them too.</summary>
    internal static readonly string StageRows = Stages(at => $"{at} >= @start and {at} < @end");

    /// <summary>The stages of the period and of the two periods the cover compares it with, read in one pass.</summary>
    private static readonly string StageRowsWithComparison = Stages(Comparison.Window);

    /// <summary>The stages whose start (<c>at</c>) is in a window; the review tasks' outcome last (退回 is <c>return</c>).</summary>
    private static string Stages(Func<string, string> window) =>
        $"""
        select o.id, o.order_number, o.filing_type, o.province, t.team as stage, t.team, coalesce(t.completed_by, t.assignee),
               t.created_at, t.due_at, t.completed_at, t.outcome
        from review_tasks t join filing_orders o on o.id = t.order_id
        where t.status <> 'cancelled' and {window("t.created_at")}
          and (@team::text is null or t.team = @team) and {OrderFilter} and {OrdersOf("t")}
        union all
        select o.id, o.order_number, o.filing_type, o.province, 'submission', null, null, s.submitted_at, null, s.sent_at, null
        from bureau_submissions s join filing_orders o on o.id = s.order_id
        where @team::text is null and {window("s.submitted_at")} and {OrderFilter} and {OrdersOf("s")}
        union all
        select o.id, o.order_number, o.filing_type, o.province, l.status, null, null, l.at, null,
               (select n.at from filing_timeline n where n.order_id = l.order_id and n.id > l.id order by n.id limit 1), null
        from filing_timeline l join filing_orders o on o.id = l.order_id
        where @team::text is null and l.status in ('sms-verification', 'bureau-review') and {window("l.at")} and {OrderFilter} and {OrdersOf("l")}
        """;

    /// <summary>Upper bounds (working days, exclusive) of the age buckets of open work; the last bucket is open-ended.</summary>
    private static readonly double[] AgeBounds = [1, 2, 5, 10];

    public override async Task BuildAsync(
        NpgsqlConnection connection, WorkingCalendar calendar, ReportParameters p, Stream output,
        IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var names = await Names.LoadAsync(connection, p, ct);
        string TeamName(string id) => names.Team(id);

        using var workbook = new ReportWorkbook(p, Report.Title(Sla, p.English), Labels.Scope(p, p.Team is null ? null : TeamName(p.Team)));
        WarnOfMissingCalendar(workbook, calendar, p);
        var breaches = workbook.AddDetail(p.T("超时明细", "Breaches"),
        [
            new(p.T("订单号", "Order")), new(p.T("备案类型", "Filing type")), new(p.T("省份", "Province")), new(p.T("环节", "Stage")),
            new(p.T("处理组", "Team")), new(p.T("处理人", "Assignee")), new(p.T("开始时间", "Started"), ColumnKind.DateTime),
            new(p.T("时限", "Due"), ColumnKind.DateTime), new(p.T("完成时间", "Done"), ColumnKind.DateTime),
            new(p.T("超时", "Overdue by"), ColumnKind.Decimal), new(p.T("单位", "Unit")),
        ]);
        var byStage = new Dictionary<Stage, Durations>();
        var byTeam = new Dictionary<(string Team, Stage Stage), Durations>();
        var byReviewer = new Dictionary<(string Reviewer, Stage Stage), Durations>();
        var ages = new Dictionary<Stage, (int[] Buckets, double Oldest)>();
        var time = new WorkingTime(calendar);
        var unclaimed = p.T("（未领取）", "(unclaimed)");
        var now = p.GeneratedAt;
        var comparison = new SlaComparison(p);
        var stageTimes = new StageTimes(p, names);
        var matrix = new ReviewerMatrix();
        long rows = 0;

        // The groups a row counts in: its stage, and for review tasks its team's and its reviewer's stage.
        var groups = new Durations?[3];
        await using (var command = Command(connection, StageRowsWithComparison, p))
        {
            Comparison.AddParameters(command, p);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                Tick(progress, 10, ++rows);
                var (stage, team, person, started, due, done) = ReadStage(reader, time);
                if (!comparison.Add(started, done, due))
                {
                    continue;
                }

                groups[0] = Get(byStage, stage);
                groups[1] = team is null ? null : Get(byTeam, (team, stage));
                groups[2] = team is null ? null : Get(byReviewer, (person ?? unclaimed, stage));
                if (done is { } finished)
                {
                    var duration = stage.Measure(started, finished, time);
                    foreach (var group in groups)
                    {
                        group?.AddDone(duration, finished <= due);
                    }

                    stageTimes.Add(reader.GetString(2), reader.GetString(3), stage, time.HoursBetween(started, finished) / Stage.HoursPerWorkingDay);
                    if (team is not null && Text(reader, 10) == "return")
                    {
                        matrix.AddReturn(person ?? unclaimed, stage);
                    }
                }
                else
                {
                    foreach (var group in groups)
                    {
                        group?.AddOpen(now > due);
                    }

                    var age = time.HoursBetween(started, now) / Stage.HoursPerWorkingDay;
                    var (buckets, oldest) = ages.GetValueOrDefault(stage, (new int[AgeBounds.Length + 1], 0));
                    buckets[AgeBounds.Count(bound => age >= bound)]++;
                    ages[stage] = (buckets, Math.Max(oldest, age));
                }

                var end = done ?? now;
                if (end > due)
                {
                    breaches.Add(p.OrderCell(reader.GetGuid(0), reader.GetString(1)), Labels.FilingType(p, reader.GetString(2)), Labels.Province(p, reader.GetString(3)),
                        stage.Name(p, names), team is null ? null : TeamName(team), names.User(person), started, due, done, stage.Measure(due, end, time), stage.UnitName(p));
                }
            }
        }

        progress?.Report(new ReportProgress(60, rows));
        var statColumns = StatColumns(p);
        var stageTable = workbook.AddTable(p.T("按环节", "By stage"), [new(p.T("环节", "Stage")), .. statColumns],
            byStage.OrderBy(s => s.Key.Order).Select(s => (object?[])[s.Key.Name(p, names), .. StatValues(p, s.Key, s.Value)]),
            Totals(p, 1, byStage.Values));
        workbook.AddChart(AttainmentChart(p, stageTable, p.T("各环节按时率与目标", "Within SLA by stage, against the target"), 1));
        var teamTable = workbook.AddTable(p.T("按处理组", "By team"), [new(p.T("处理组", "Team")), new(p.T("环节", "Stage")), .. statColumns],
            byTeam.OrderBy(s => TeamName(s.Key.Team), StringComparer.Ordinal).ThenBy(s => s.Key.Stage.Order)
                .Select(s => (object?[])[TeamName(s.Key.Team), s.Key.Stage.Name(p, names), .. StatValues(p, s.Key.Stage, s.Value)]),
            Totals(p, 2, byTeam.Values));
        workbook.AddChart(AttainmentChart(p, teamTable, p.T("各处理组按时率与目标", "Within SLA by team, against the target"), 2));
        workbook.AddTable(p.T("按审核人", "By reviewer"), [new(p.T("审核人", "Reviewer")), new(p.T("环节", "Stage")), .. statColumns],
            byReviewer.OrderBy(s => names.User(s.Key.Reviewer), StringComparer.Ordinal).ThenBy(s => s.Key.Stage.Order)
                .Select(s => (object?[])[names.User(s.Key.Reviewer), s.Key.Stage.Name(p, names), .. StatValues(p, s.Key.Stage, s.Value)]),
            Totals(p, 2, byReviewer.Values));
        matrix.AddSheet(workbook, p, names, byReviewer);
        workbook.AddTable(p.T("未完成账龄", "Open work by age"), AgeColumns(p),
            ages.OrderBy(a => a.Key.Order).Select(a => (object?[])[a.Key.Name(p, names), .. a.Value.Buckets.Select(b => (object?)b), a.Value.Buckets.Sum(), a.Value.Oldest]),
            [p.T("合计", "Total"), .. Enumerable.Range(0, AgeBounds.Length + 1).Select(i => (object?)ages.Values.Sum(a => a.Buckets[i])), ages.Values.Sum(a => a.Buckets.Sum()), ages.Values.Select(a => (double?)a.Oldest).Max()]);
        var flow = new OrderFlow(p, time);
        await using (var command = Command(connection, OrderFlow.Rows, p))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            rows += await flow.ReadAsync(reader, ct);
        }

        flow.AddSheets(workbook);
        stageTimes.AddSheets(workbook);
        var escalations = new Escalations();
        rows += await escalations.ReadAsync(connection, p, names, Escalations.AddList(workbook, p), ct);
        escalations.AddTable(workbook, p, names);
        progress?.Report(new ReportProgress(70, rows));
        workbook.AddHeadlines(p, comparison.Headlines());
        progress?.Report(new ReportProgress(80, rows));
        workbook.Save(output, Details);
    }

    /// <summary>One row of <see cref="StageRows"/>: its stage, team, reviewer, start, deadline and end (null while open).</summary>
    internal static (Stage Stage, string? Team, string? Person, DateTimeOffset Started, DateTimeOffset Due, DateTimeOffset? Done) ReadStage(
        NpgsqlDataReader reader, WorkingTime time)
    {
        var stage = Stage.Of(reader.GetString(4));
        var started = reader.GetFieldValue<DateTimeOffset>(7);
        return (stage, Text(reader, 5), Text(reader, 6), started, Instant(reader, 8) ?? stage.DueAfter(started, time), Instant(reader, 9));
    }

    internal static Durations Get<TKey>(Dictionary<TKey, Durations> groups, TKey key)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var durations))
        {
            durations = new Durations();
            groups[key] = durations;
        }

        return durations;
    }

    /// <summary>The share within SLA of each row as columns, the target as a line; <paramref name="keyColumns"/> precede the statistics.</summary>
    private static ReportChart AttainmentChart(ReportParameters p, TableData table, string title, int keyColumns) =>
        new(table, title, 0,
        [
            new ChartSeries(p.T("按时率", "Within SLA"), keyColumns + 3),
            new ChartSeries(p.T("目标按时率", "Target"), keyColumns + 9, SeriesKind.Line),
        ], "0%");

    private static Column[] StatColumns(ReportParameters p) =>
    [
        new(p.T("单位", "Unit")), new(p.T("完成数", "Done"), ColumnKind.Integer), new(p.T("按时完成数", "Done within SLA"), ColumnKind.Integer),
        new(p.T("按时率", "Within SLA"), ColumnKind.Percent), new(p.T("中位数", "Median"), ColumnKind.Decimal),
        new("P90", ColumnKind.Decimal), new(p.T("最大值", "Max"), ColumnKind.Decimal),
        new(p.T("未完成", "Open"), ColumnKind.Integer), new(p.T("未完成已超时", "Open overdue"), ColumnKind.Integer),
        new(p.T("目标按时率", "Target"), ColumnKind.Percent),
    ];

    private static object?[] StatValues(ReportParameters p, Stage stage, Durations d) =>
        [stage.UnitName(p), d.Count, d.WithinSla, d.ShareWithinSla, d.Median, d.P90, d.Max, d.Open, d.OpenOverdue, p.Targets.SlaShare];

    /// <summary>Counts add up; the share within SLA is over every completed row; percentiles do not add and stay empty.</summary>
    private static object?[] Totals(ReportParameters p, int keyColumns, IReadOnlyCollection<Durations> groups)
    {
        var done = groups.Sum(g => g.Count);
        var within = groups.Sum(g => g.WithinSla);
        return
        [
            p.T("合计", "Total"), .. Enumerable.Repeat<object?>(null, keyColumns), done, within,
            done == 0 ? null : (double)within / done, null, null, null, groups.Sum(g => g.Open), groups.Sum(g => g.OpenOverdue),
            p.Targets.SlaShare,
        ];
    }

    private static Column[] AgeColumns(ReportParameters p)
    {
        var bounds = AgeBounds.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var buckets = new List<Column> { new(p.T($"<{bounds[0]}个工作日", $"< {bounds[0]} working day"), ColumnKind.Integer) };
        for (var i = 1; i < bounds.Length; i++)
        {
            buckets.Add(new Column(p.T($"{bounds[i - 1]}–{bounds[i]}个工作日", $"{bounds[i - 1]}–{bounds[i]} working days"), ColumnKind.Integer));
        }

        buckets.Add(new Column(p.T($"≥{bounds[^1]}个工作日", $">= {bounds[^1]} working days"), ColumnKind.Integer));
        return
        [
            new(p.T("环节", "Stage")), .. buckets, new(p.T("合计", "Total"), ColumnKind.Integer),
            new(p.T("最久（工作日）", "Oldest (working days)"), ColumnKind.Decimal),
        ];
    }
}
