using Backoffice.Reports.Statistics;
using Backoffice.Reports.Workbooks;
using Npgsql;

namespace Backoffice.Reports.Sla;

/// <summary>
/// Orders through the desk: per China week (Monday to Sunday, cut to the period) the orders that came in
/// (their first 已提交 status), went out (their first final status: approved, withdrawn or expired) and the
/// backlog left at the week's end (in, not yet out); and the end-to-end working days from coming in to
/// approval of the orders approved in the period, per filing type and per filing type and province.
/// One streamed query reads every order in the desk at some time of the period.
/// </summary>
internal sealed class OrderFlow
{
    public const string Rows =
        $"""
        select o.filing_type, o.province, f.came, f.left_at, f.approved, o.id
        from filing_orders o
        join lateral (
            select min(l.at) filter (where l.status = 'submitted') as came,
                   min(l.at) filter (where l.status in ('approved', 'withdrawn', 'expired')) as left_at,
                   min(l.at) filter (where l.status = 'approved') as approved
            from filing_timeline l where l.order_id = o.id) f on true
        where o.created_at < @end and f.came < @end and (f.left_at is null or f.left_at >= @start) and {Report.OrderFilter}
        """;

    private readonly ReportParameters _p;
    private readonly WorkingTime _time;
    private readonly DateOnly[] _weeks;
    private readonly int[] _in;
    private readonly int[] _out;
    private readonly SortedDictionary<string, Durations> _byType = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string Type, string Province), Durations> _byTypeAndProvince = new();
    private int _backlogAtStart;

    public OrderFlow(ReportParameters p, WorkingTime time)
    {
        _p = p;
        _time = time;
        var first = p.From.AddDays(-(((int)p.From.DayOfWeek + 6) % 7));
        _weeks = Enumerable.Range(0, ((p.To.DayNumber - first.DayNumber) / 7) + 1).Select(i => first.AddDays(7 * i)).ToArray();
        _in = new int[_weeks.Length];
        _out = new int[_weeks.Length];
    }

    public async Task<long> ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            var came = reader.GetFieldValue<DateTimeOffset>(2);
            Count(Dashboard.DashboardDays.Day(came), reader.IsDBNull(3) ? null : Dashboard.DashboardDays.Day(reader.GetFieldValue<DateTimeOffset>(3)), 1);

            if (!reader.IsDBNull(4) && reader.GetFieldValue<DateTimeOffset>(4) is var approved && approved >= _p.Start && approved < _p.End)
            {
                var days = _time.HoursBetween(came, approved) / Stage.HoursPerWorkingDay;
                var type = reader.GetString(0);
                Get(_byType, type).AddDone(days, true);
                Get(_byTypeAndProvince, (type, reader.GetString(1))).AddDone(days, true);
            }

            rows++;
        }

        return rows;
    }

    /// <summary>
    /// Counts orders in the desk at some time of the period that came in on <paramref name="came"/> and went out on
    /// <paramref name="left"/> (China days): before the period they are the backlog at its start, in it they came in
    /// that week; they went out in the week of <paramref name="left"/> when that is in the period. The dashboard
    /// counts its per-day figures here too.
    /// </summary>
    public void Count(DateOnly came, DateOnly? left, int orders)
    {
        if (came < _p.From)
        {
            _backlogAtStart += orders;
        }
        else
        {
            _in[Week(came)] += orders;
        }

        if (left is { } gone && gone <= _p.To)
        {
            _out[Week(gone)] += orders;
        }
    }

    public void AddSheets(ReportWorkbook workbook)
    {
        var p = _p;
        var flow = Weeks();
        var weeks = workbook.AddTable(p.T("进出与积压（按周）", "Inflow and backlog by week"),
        [
            new(p.T("周（周一）", "Week (Monday)")), new(p.T("进入", "In"), ColumnKind.Integer),
            new(p.T("完成", "Out"), ColumnKind.Integer), new(p.T("周末积压", "Backlog at week end"), ColumnKind.Integer),
        ],
            flow.Select(w => (object?[])[Day(w.Monday), w.In, w.Out, w.Backlog]).ToList(),
            [p.T("合计", "Total"), _in.Sum(), _out.Sum(), flow[^1].Backlog]);
        workbook.AddChart(new ReportChart(weeks, p.T("每周进入、完成与积压", "In, out and backlog per week"), 0,
        [
            new ChartSeries(p.T("进入", "In"), 1), new ChartSeries(p.T("完成", "Out"), 2),
            new ChartSeries(p.T("周末积压", "Backlog at week end"), 3, SeriesKind.Line),
        ], "#,##0"));

        Column[] stats =
        [
            new(p.T("已批准订单", "Approved orders"), ColumnKind.Integer), new(p.T("中位数（工作日）", "Median (working days)"), ColumnKind.Decimal),
            new(p.T("P90（工作日）", "P90 (working days)"), ColumnKind.Decimal), new(p.T("最长（工作日）", "Longest (working days)"), ColumnKind.Decimal),
        ];
        var byType = workbook.AddTable(p.T("端到端（按类型）", "End to end by type"), [new(p.T("备案类型", "Filing type")), .. stats],
            _byType.Select(x => (object?[])[Labels.FilingType(p, x.Key), x.Value.Count, x.Value.Median, x.Value.P90, x.Value.Max]).ToList());
        workbook.AddChart(new ReportChart(byType, p.T("各备案类型端到端工作日", "End-to-end working days per filing type"), 0,
            [new ChartSeries(p.T("中位数（工作日）", "Median (working days)"), 2), new ChartSeries(p.T("P90（工作日）", "P90 (working days)"), 3)], "#,##0.0"));
        workbook.AddTable(p.T("端到端（按省份）", "End to end by province"), [new(p.T("备案类型", "Filing type")), new(p.T("省份", "Province")), .. stats],
            _byTypeAndProvince.Select(x => (object?[])[Labels.FilingType(p, x.Key.Type), Labels.Province(p, x.Key.Province), x.Value.Count, x.Value.Median, x.Value.P90, x.Value.Max]));
    }

    /// <summary>Per week (its Monday): the orders that came in, went out, and the backlog at the week's end.</summary>
    public IReadOnlyList<(DateOnly Monday, int In, int Out, int Backlog)> Weeks()
    {
        var backlog = _backlogAtStart;
        return _weeks.Select((week, i) => (week, _in[i], _out[i], backlog += _in[i] - _out[i])).ToList();
    }

    private int Week(DateOnly day) => (day.DayNumber - _weeks[0].DayNumber) / 7;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Durations Get<TKey>(IDictionary<TKey, Durations> groups, TKey key)
    {
        if (!groups.TryGetValue(key, out var durations))
        {
            durations = new Durations();
            groups[key] = durations;
        }

        return durations;
    }
}
