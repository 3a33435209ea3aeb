using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Reports;
using Backoffice.Web.Tests.Reports;
using Backoffice.Web.Tests.Support;
using ClosedXML.Excel;
using Dapper;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's headline figures beside the previous period and the same period last year: 4–17 September 2023,
/// 21 August – 3 September 2023 and 4–17 September 2022, which no other test uses. Each period's figures are
/// recomputed here from the tables, equal the workbooks' covers, and are coloured against the targets (90% within
/// SLA, 85% approval rate, amber 5 points below). Run alone, so that no other test adds rows between the readings.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class DashboardTrendTests
{
    private const string Period = "from=2023-09-04&to=2023-09-17";
    private static readonly (DateOnly From, DateOnly To)[] Periods =
        [(new(2023, 9, 4), new(2023, 9, 17)), (new(2023, 8, 21), new(2023, 9, 3)), (new(2022, 9, 4), new(2022, 9, 17))];

    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Each_headline_stands_beside_the_previous_period_and_last_year_with_its_change_and_colour()
    {
        await SeedAsync();
        using var client = await _app.SignedInAs("management");
        var desk = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("2023-08-21", "2023-09-03"), (desk["previousPeriod"]!["from"]!.GetValue<string>(), desk["previousPeriod"]!["to"]!.GetValue<string>()));
        Assert.Equal(("2022-09-04", "2022-09-17"), (desk["samePeriodLastYear"]!["from"]!.GetValue<string>(), desk["samePeriodLastYear"]!["to"]!.GetValue<string>()));

        // The bureau's results in each period, counted from the tables: 1 of 2 approved, 1 of 1, 2 of 3.
        var results = new List<(int Submitted, int Approved, int Rejected)>();
        foreach (var (from, to) in Periods)
        {
            results.Add(await BureauResultsAsync(from, to));
        }

        Assert.Equal(new[] { (2, 1, 1), (1, 1, 0), (3, 2, 1) }, results);
        var rate = Headline(desk, "通过率");
        Assert.True(rate["isShare"]!.GetValue<bool>());
        Assert.Equal(Rounded(0.5, 1.0, -0.5, 2.0 / 3, 0.5 - (2.0 / 3), 0.85), Figures(rate));
        Assert.Equal(new string?[] { "red", "green", "red" }, Colours(rate));
        Assert.Equal(Rounded(results[0].Submitted, results[1].Submitted, results[0].Submitted - results[1].Submitted, results[2].Submitted,
            results[0].Submitted - results[2].Submitted, null), Figures(Headline(desk, "提交")));
        Assert.Equal(new string?[] { null, null, null }, Colours(Headline(desk, "提交")));

        // Initial review's tasks, as a manager picking that team: 1 of 2 on time, 2 of 2, 9 of 10 (90%: at the target).
        var team = await client.GetAsync($"/api/dashboard?{Period}&team=initial-review").ExpectAsync(HttpStatusCode.OK);
        var tasks = new List<(int Done, int Within)>();
        foreach (var (from, to) in Periods)
        {
            tasks.Add(await InitialReviewAsync(from, to));
        }

        Assert.Equal(new[] { (2, 1), (2, 2), (10, 9) }, tasks);
        var share = Headline(team, "按时率（全部环节）");
        Assert.Equal(Rounded(0.5, 1.0, -0.5, 0.9, 0.5 - 0.9, 0.9), Figures(share));
        Assert.Equal(new string?[] { "red", "green", "green" }, Colours(share));
        Assert.Equal(Rounded(tasks[0].Done, tasks[1].Done, 0, tasks[2].Done, tasks[0].Done - tasks[2].Done, null), Figures(Headline(team, "完成数")));

        // The same figures as the workbooks' covers for the period.
        var parameters = new ReportParameters { From = Periods[0].From, To = Periods[0].To, GeneratedBy = "management", GeneratedAt = DateTimeOffset.UtcNow };
        using var bureau = await Workbooks.BuildAsync(Report.BureauResults, parameters);
        Assert.Equal(CoverRow(bureau, "通过率"), Figures(rate).Take(5));
        using var sla = await Workbooks.BuildAsync(Report.Sla, parameters with { Team = "initial-review" });
        Assert.Equal(CoverRow(sla, "按时率（全部环节）"), Figures(share).Take(5));
        Assert.Equal(CoverRow(sla, "按时完成数"), Figures(Headline(team, "按时完成数")).Take(5));

        var english = await client.GetAsync($"/api/dashboard?{Period}&lang=en").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(new[] { "Within SLA (all stages)", "Done", "Done within SLA", "Approval rate", "Submitted", "Approved", "Rejected" },
            english["headlines"]!.AsArray().Select(h => h!["label"]!.GetValue<string>()));
    }

    private static JsonNode Headline(JsonNode figures, string label) =>
        figures["headlines"]!.AsArray().Single(h => h!["label"]!.GetValue<string>() == label)!;

    private static List<double?> Figures(JsonNode h) =>
        [.. new[] { "current", "previous", "changeOnPrevious", "lastYear", "changeOnLastYear", "target" }.Select(k => h[k] is { } v ? Math.Round(v.GetValue<double>(), 9) : (double?)null)];

    private static List<double?> Rounded(params double?[] figures) => [.. figures.Select(f => f is { } v ? Math.Round(v, 9) : (double?)null)];

    private static List<string?> Colours(JsonNode h) =>
        [.. new[] { "currentRag", "previousRag", "lastYearRag" }.Select(k => h[k]?.GetValue<string>())];

    /// <summary>The cover's row for a figure: this period, the previous one, the change, last year, the change.</summary>
    private static IEnumerable<double?> CoverRow(XLWorkbook book, string label)
    {
        var row = book.Worksheet("封面").RowsUsed().Single(r => r.Cell(1).GetString() == label);
        return Enumerable.Range(2, 5).Select(c => row.Cell(c).TryGetValue<double>(out var v) ? Math.Round(v, 9) : (double?)null);
    }

    /// <summary>Submissions of the period with their first applied result before the order's next submission.</summary>
    private static async Task<(int, int, int)> BureauResultsAsync(DateOnly from, DateOnly to)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        var row = await db.QuerySingleAsync<(long, long, long)>(
            """
            select count(*), count(*) filter (where r.kind = 'approved'), count(*) filter (where r.kind in ('rejected', 'sms-expired'))
            from bureau_submissions s
            left join lateral (
                select e.kind from bureau_events e
                where e.order_id = s.order_id and e.applied and e.kind in ('approved', 'rejected', 'sms-expired') and e.received_at >= s.submitted_at
                  and not exists (select 1 from bureau_submissions n where n.order_id = s.order_id and n.attempt > s.attempt and n.submitted_at <= e.received_at)
                order by e.received_at limit 1) r on true
            where s.submitted_at >= (@from::date)::timestamp at time zone 'Asia/Shanghai'
              and s.submitted_at < (@to::date + 1)::timestamp at time zone 'Asia/Shanghai'
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) });
        return ((int)row.Item1, (int)row.Item2, (int)row.Item3);
    }

    /// <summary>Initial review's tasks that started in the period: done, and done by their due time.</summary>
    private static async Task<(int, int)> InitialReviewAsync(DateOnly from, DateOnly to)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        var row = await db.QuerySingleAsync<(long, long)>(
            """
            select count(*) filter (where completed_at is not null), count(*) filter (where completed_at <= due_at)
            from review_tasks
            where team = 'initial-review' and status <> 'cancelled'
              and created_at >= (@from::date)::timestamp at time zone 'Asia/Shanghai'
              and created_at < (@to::date + 1)::timestamp at time zone 'Asia/Shanghai'
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) });
        return ((int)row.Item1, (int)row.Item2);
    }

    /// <summary>Per period, initial-review tasks on time and late, and bureau results of their orders' submissions; <paramref name="days"/> later for the page's test.</summary>
    internal static async Task SeedAsync(int days = 0)
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        foreach (var (first, onTime, late, approved, rejected) in new[]
        {
            (China(2023, 9, 5, 10), 1, 1, 1, 1), (China(2023, 8, 22, 10), 2, 0, 1, 0), (China(2022, 9, 6, 10), 9, 1, 2, 1),
        })
        {
            var start = first.AddDays(days);
            for (var i = 0; i < onTime + late; i++)
            {
                var order = await data.OrderAsync("650000", start.AddHours(-1));
                await data.TaskAsync(order, "initial-review", "carol", start, start.AddDays(1), start.AddHours(i < onTime ? 5 : 48));
                if (i < approved + rejected)
                {
                    await data.SubmissionAsync(order.Order, 1, start.AddDays(1), start.AddDays(1).AddHours(1));
                    await data.BureauEventAsync(order.Order, i < approved ? "approved" : "rejected", start.AddDays(4));
                }
            }
        }
    }
}
