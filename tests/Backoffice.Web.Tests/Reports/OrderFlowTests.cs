using Backoffice.Reports;
using ClosedXML.Excel;
using Dapper;
using static Backoffice.Web.Tests.Reports.IndependentCalendar;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The SLA workbook's flow sheets in Shandong (370000), September 2025 (Monday 09-01 to Tuesday 09-30):
/// in, out and backlog per week and end-to-end working days, each recomputed here from the timeline with
/// SQL of its own (working days on the independent calendar).
/// </summary>
public sealed class OrderFlowTests
{
    private const string Province = "370000";

    [Fact]
    public async Task Inflow_outflow_backlog_and_end_to_end_match_the_timeline()
    {
        await SeedAsync();
        var parameters = new ReportParameters
        {
            From = new DateOnly(2025, 9, 1), To = new DateOnly(2025, 9, 30), Province = Province,
            GeneratedBy = "management", GeneratedAt = China(2025, 10, 31, 9),
        };

        using var book = await Workbooks.BuildAsync(Report.Sla, parameters);

        await using var db = await Support.TestApp.OpenDatabaseAsync();
        var orders = (await db.QueryAsync<(string Type, DateTimeOffset Came, DateTimeOffset? Left, DateTimeOffset? Approved)>(
            """
            select o.filing_type,
                   (select min(at) from filing_timeline where order_id = o.id and status = 'submitted'),
                   (select min(at) from filing_timeline where order_id = o.id and status in ('approved', 'withdrawn', 'expired')),
                   (select min(at) from filing_timeline where order_id = o.id and status = 'approved')
            from filing_orders o
            where o.province = @Province and exists (select 1 from filing_timeline where order_id = o.id and status = 'submitted')
            """, new { Province })).AsList();
        var weeks = book.Worksheet("进出与积压（按周）");
        Assert.Equal(["2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29", "合计"], weeks.DataRows().Select(r => r.Cell(1).GetString()));
        foreach (var row in weeks.DataRows().SkipLast(1))
        {
            var monday = DateOnly.ParseExact(row.Cell(1).GetString(), "yyyy-MM-dd");
            var from = Max(parameters.Start, ChinaMidnight(monday));
            var to = Min(parameters.End, ChinaMidnight(monday.AddDays(7)));
            Assert.Equal(orders.Count(o => o.Came >= from && o.Came < to), row.Cell(2).GetDouble());
            Assert.Equal(orders.Count(o => o.Left >= from && o.Left < to), row.Cell(3).GetDouble());
            Assert.Equal(orders.Count(o => o.Came < to && !(o.Left < to)), row.Cell(4).GetDouble());
        }

        // By hand: one in the desk at the start (came 08-28); in 09-02, 09-03, 09-09, 09-16, 09-25;
        // out 09-05, 09-10 (the one from August), 09-12 (withdrawn), 09-19; the one approved 10-09 is still in at the end.
        Assert.Equal([2, 1, 1, 1, 0], weeks.DataRows().SkipLast(1).Select(r => r.Cell(2).GetDouble()));
        Assert.Equal([1, 2, 1, 0, 0], weeks.DataRows().SkipLast(1).Select(r => r.Cell(3).GetDouble()));
        Assert.Equal([2, 1, 1, 2, 2], weeks.DataRows().SkipLast(1).Select(r => r.Cell(4).GetDouble()));

        var approved = orders.Where(o => o.Approved >= parameters.Start && o.Approved < parameters.End).ToList();
        var byType = book.Worksheet("端到端（按类型）");
        foreach (var type in approved.GroupBy(o => o.Type))
        {
            var days = type.Select(o => WorkingDays(o.Came, o.Approved!.Value)).ToList();
            var row = byType.Row(Labels.FilingType(parameters, type.Key));
            Assert.Equal(days.Count, row.Cell(2).GetDouble());
            Assert.Equal(Percentile(days, 0.5), row.Cell(3).GetDouble(), 9);
            Assert.Equal(Percentile(days, 0.9), row.Cell(4).GetDouble(), 9);
            Assert.Equal(days.Max(), row.Cell(5).GetDouble(), 9);
            Assert.Equal(days.Count, book.Worksheet("端到端（按省份）").Row(Labels.FilingType(parameters, type.Key), "山东").Cell(3).GetDouble());
        }

        // New filing: 08-28 10:00 → 09-10 10:00 is 9 working days; 09-02 09:00 → 09-19 18:00 is 14 days.
        Assert.Equal(11.5, byType.Row("首次备案").Cell(3).GetDouble(), 9);
        Assert.Equal(2, byType.DataRows().Count);
    }

    private static DateTimeOffset ChinaMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task SeedAsync()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        async Task Order(string type, DateTimeOffset came, string? final, DateTimeOffset? at)
        {
            var order = await data.OrderAsync(Province, came.AddHours(-1), type);
            await data.StatusAsync(order.Order, "submitted", came);
            await data.StatusAsync(order.Order, "initial-review", came.AddMinutes(5));
            if (final is not null)
            {
                await data.StatusAsync(order.Order, final, at!.Value);
            }
        }

        await Order("new-filing", China(2025, 8, 28, 10), "approved", China(2025, 9, 10, 10));
        await Order("new-filing", China(2025, 9, 2, 9), "approved", China(2025, 9, 19, 18));
        await Order("change-website", China(2025, 9, 9, 9), "withdrawn", China(2025, 9, 12, 9));
        await Order("change-website", China(2025, 9, 16, 9), null, null);
        await Order("new-filing", China(2025, 8, 1, 9), "approved", China(2025, 8, 20, 9));
        await Order("new-filing", China(2025, 9, 25, 9), "approved", China(2025, 10, 9, 9));
        await Order("change-website", China(2025, 9, 3, 9), "approved", China(2025, 9, 5, 12));
    }
}
