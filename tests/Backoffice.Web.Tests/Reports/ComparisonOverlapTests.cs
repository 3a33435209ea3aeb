using Backoffice.Reports;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The SLA report reads its period and the two it is compared with in one query, so a stage must count in
/// every period it started in: over the 366 days 2024-03-01 ~ 2025-03-01 the previous period is
/// 2023-03-01 ~ 2024-02-29 and last year's 2023-03-01 ~ 2024-03-01, which shares a day with each.
/// Zhejiang (330000) is this test's own.
/// </summary>
public sealed class ComparisonOverlapTests
{
    private const string Province = "330000";

    [Fact]
    public async Task A_stage_counts_in_each_period_it_started_in_when_the_periods_overlap()
    {
        var data = await OpenAsync();
        await using (data.Db)
        {
            // On the period's first day, so also in last year's period; in June 2023, in the previous period and last year's; in October 2024.
            foreach (var (created, hours) in new[] { (China(2024, 3, 1, 10), 2), (China(2023, 6, 1, 10), 30), (China(2024, 10, 8, 10), 2) })
            {
                var order = await data.OrderAsync(Province, created.AddHours(-1));
                await data.TaskAsync(order, "initial-review", "reviewer", created, created.AddHours(24), created.AddHours(hours));
            }
        }

        using var book = await Workbooks.BuildAsync(Report.Sla, new ReportParameters
        {
            From = new DateOnly(2024, 3, 1), To = new DateOnly(2025, 3, 1), Province = Province,
            GeneratedBy = "management", GeneratedAt = China(2025, 3, 5, 9),
        });

        var cover = book.Worksheet("封面");
        var header = cover.RowsUsed().Single(r => r.Cell(1).GetString() == "指标");
        Assert.Equal("上期（2023-03-01 ~ 2024-02-29）", header.Cell(3).GetString());
        Assert.Equal("去年同期（2023-03-01 ~ 2024-03-01）", header.Cell(5).GetString());
        var done = cover.RowsUsed().Single(r => r.Cell(1).GetString() == "完成数");
        Assert.Equal([2, 1, 2], new[] { 2, 3, 5 }.Select(c => done.Cell(c).GetDouble()));
        var within = cover.RowsUsed().Single(r => r.Cell(1).GetString() == "按时完成数");
        Assert.Equal([2, 0, 1], new[] { 2, 3, 5 }.Select(c => within.Cell(c).GetDouble()));
        Assert.Equal(2, book.Worksheet("按环节").Row("初审").Cell(3).GetDouble());
    }
}
