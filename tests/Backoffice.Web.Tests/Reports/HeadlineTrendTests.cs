using Backoffice.Reports;
using ClosedXML.Excel;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The SLA workbook's cover: the share within SLA, done and done within SLA for March 2026 beside the previous
/// 31 days (2026-01-29 ~ 2026-02-28) and March 2025, with the changes, each share filled red, amber or green
/// against the configured target (90%, amber within 5 points below). Hebei (130000) is this test's own.
/// </summary>
public sealed class HeadlineTrendTests
{
    private const string Province = "130000";
    private const string BureauProvince = "140000";
    private static readonly XLColor Green = XLColor.FromHtml("#C6EFCE");
    private static readonly XLColor Amber = XLColor.FromHtml("#FFEB9C");
    private static readonly XLColor Red = XLColor.FromHtml("#FFC7CE");

    private static ReportParameters Parameters(bool english) => new()
    {
        From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 31), Province = Province, English = english,
        GeneratedBy = "management", GeneratedAt = China(2026, 4, 10, 9),
        Targets = new ReportTargets { SlaShare = 0.9, AmberMargin = 0.05 },
    };

    [Fact]
    public async Task Cover_compares_the_headline_figures_with_the_previous_period_and_last_year_and_colours_them_against_the_target()
    {
        await SeedAsync();

        var bytes = await ReadableWorkbookTests.BuildAsync(Report.Sla, Parameters(english: false));
        await ReadableWorkbookTests.SaveForReadingAsync("sla-trends", bytes);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        }

        using var book = new XLWorkbook(new MemoryStream(bytes));
        var cover = book.Worksheet("封面");
        var header = Row(cover, "指标");
        Assert.Equal(
            ["本期（2026-03-01 ~ 2026-03-31）", "上期（2026-01-29 ~ 2026-02-28）", "较上期", "去年同期（2025-03-01 ~ 2025-03-31）", "较去年同期", "目标"],
            Enumerable.Range(2, 6).Select(c => header.Cell(c).GetString()));

        var (previousDone, previousWithin) = await RecomputeAsync(new DateOnly(2026, 1, 29), new DateOnly(2026, 2, 28));
        Assert.Equal((8, 7), (previousDone, previousWithin));
        var share = Row(cover, "按时率（全部环节）");
        Assert.Equal(0.9, share.Cell(2).GetDouble(), 9);
        Assert.Equal((double)previousWithin / previousDone, share.Cell(3).GetDouble(), 9);
        Assert.Equal(0.9 - 0.875, share.Cell(4).GetDouble(), 9);
        Assert.Equal(0.4, share.Cell(5).GetDouble(), 9);
        Assert.Equal(0.5, share.Cell(6).GetDouble(), 9);
        Assert.Equal(0.9, share.Cell(7).GetDouble(), 9);
        Assert.Equal("+0.0%;-0.0%;0.0%", share.Cell(4).Style.NumberFormat.Format);
        // 90% meets the target; 87.5% is within 5 points below it; 40% is further below.
        Assert.Equal(Green, share.Cell(2).Style.Fill.BackgroundColor);
        Assert.Equal(Amber, share.Cell(3).Style.Fill.BackgroundColor);
        Assert.Equal(Red, share.Cell(5).Style.Fill.BackgroundColor);

        var done = Row(cover, "完成数");
        Assert.Equal([10, previousDone, 10 - previousDone, 5, 5], new[] { 2, 3, 4, 5, 6 }.Select(c => done.Cell(c).GetDouble()));
        var within = Row(cover, "按时完成数");
        Assert.Equal([9, previousWithin, 9 - previousWithin, 2, 7], new[] { 2, 3, 4, 5, 6 }.Select(c => within.Cell(c).GetDouble()));
        Assert.Equal(XLFillPatternValues.None, done.Cell(2).Style.Fill.PatternType);

        using var english = new XLWorkbook(new MemoryStream(await ReadableWorkbookTests.BuildAsync(Report.Sla, Parameters(english: true))));
        var englishHeader = Row(english.Worksheet("Cover"), "Figure");
        Assert.Equal("Previous period (2026-01-29 ~ 2026-02-28)", englishHeader.Cell(3).GetString());
        Assert.Equal(0.875, Row(english.Worksheet("Cover"), "Within SLA (all stages)").Cell(3).GetDouble(), 9);
    }

    [Fact]
    public async Task Bureau_cover_compares_the_approval_rate_with_the_previous_period_and_last_year()
    {
        await SeedBureauAsync();
        var parameters = Parameters(english: false) with { Province = BureauProvince, Targets = new ReportTargets { ApprovalRate = 0.85, AmberMargin = 0.05 } };

        var bytes = await ReadableWorkbookTests.BuildAsync(Report.BureauResults, parameters);
        await ReadableWorkbookTests.SaveForReadingAsync("bureau-trends", bytes);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        }

        using var book = new XLWorkbook(new MemoryStream(bytes));
        var cover = book.Worksheet("封面");
        await using var db = await Support.TestApp.OpenDatabaseAsync();
        var previous = await db.QuerySingleAsync<(long Submitted, long Approved, long Rejected)>(
            """
            select count(*),
                   count(*) filter (where exists (select 1 from bureau_events e where e.order_id = s.order_id and e.applied and e.kind = 'approved')),
                   count(*) filter (where exists (select 1 from bureau_events e where e.order_id = s.order_id and e.applied and e.kind in ('rejected', 'sms-expired')))
            from bureau_submissions s join filing_orders o on o.id = s.order_id
            where o.province = @province and s.submitted_at >= '2026-01-29 00:00+08' and s.submitted_at < '2026-03-01 00:00+08'
            """, new { province = BureauProvince });
        Assert.Equal((10, 9, 1), ((int)previous.Submitted, (int)previous.Approved, (int)previous.Rejected));
        var rate = Row(cover, "通过率");
        Assert.Equal(0.8, rate.Cell(2).GetDouble(), 9);
        Assert.Equal((double)previous.Approved / (previous.Approved + previous.Rejected), rate.Cell(3).GetDouble(), 9);
        Assert.Equal(-0.1, rate.Cell(4).GetDouble(), 9);
        Assert.Equal(1.0 / 3, rate.Cell(5).GetDouble(), 9);
        // 80% is within 5 points below 85%; 90% meets it; a third is far below.
        Assert.Equal(Amber, rate.Cell(2).Style.Fill.BackgroundColor);
        Assert.Equal(Green, rate.Cell(3).Style.Fill.BackgroundColor);
        Assert.Equal(Red, rate.Cell(5).Style.Fill.BackgroundColor);
        Assert.Equal([5, previous.Submitted, 5 - previous.Submitted, 4, 1], new[] { 2, 3, 4, 5, 6 }.Select(c => (long)Row(cover, "提交").Cell(c).GetDouble()));
        Assert.Equal([1, previous.Rejected, 1 - previous.Rejected, 2, -1], new[] { 2, 3, 4, 5, 6 }.Select(c => (long)Row(cover, "退回").Cell(c).GetDouble()));
    }

    [Theory]
    [InlineData(0.9, 0.9, 0.05, "Green")]
    [InlineData(0.86, 0.9, 0.05, "Amber")]
    [InlineData(0.85, 0.9, 0.05, "Amber")]
    [InlineData(0.849, 0.9, 0.05, "Red")]
    [InlineData(0.89, 0.9, 0, "Red")]
    public void Rag_rule_is_green_at_the_target_amber_within_the_margin_and_red_below(double figure, double target, double margin, string expected) =>
        Assert.Equal(expected, Backoffice.Reports.Workbooks.RagRule.Of(figure, target, margin).ToString());

    private static IXLRow Row(IXLWorksheet cover, string label) =>
        cover.RowsUsed().Single(r => r.Cell(1).GetString() == label);

    /// <summary>Review tasks that started in the period and were done, and done by their due time, counted straight from the table.</summary>
    private static async Task<(int Done, int Within)> RecomputeAsync(DateOnly from, DateOnly to)
    {
        await using var db = await Support.TestApp.OpenDatabaseAsync();
        var row = await db.QuerySingleAsync<(long Done, long Within)>(
            """
            select count(*) filter (where t.completed_at is not null), count(*) filter (where t.completed_at <= t.due_at)
            from review_tasks t join filing_orders o on o.id = t.order_id
            where o.province = @province and t.status <> 'cancelled'
              and t.created_at >= (@from::date)::timestamp at time zone 'Asia/Shanghai'
              and t.created_at < (@to::date + 1)::timestamp at time zone 'Asia/Shanghai'
            """, new { province = Province, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) });
        return ((int)row.Done, (int)row.Within);
    }

    /// <summary>
    /// Initial-review tasks with their due times set: March 2026 10 done (9 on time), February 2026 8 done
    /// (7 on time) and a cancelled one, March 2025 5 done (2 on time); one in April 2026 and two on 2026-01-27 and -28
    /// fall outside every period.
    /// </summary>
    private static async Task SeedAsync()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        await TasksAsync(data, China(2026, 3, 2, 10), done: 10, late: 1);
        await TasksAsync(data, China(2026, 2, 2, 10), done: 8, late: 1);
        await TasksAsync(data, China(2025, 3, 3, 10), done: 5, late: 3);
        await TasksAsync(data, China(2026, 4, 1, 10), done: 3, late: 3);
        await TasksAsync(data, China(2026, 1, 27, 10), done: 2, late: 0);
        var order = await data.OrderAsync(Province, China(2026, 2, 3, 9));
        await data.TaskAsync(order, "initial-review", "reviewer", China(2026, 2, 3, 10), China(2026, 2, 4, 10), null, "cancelled");
    }

    /// <summary>
    /// One submission per order: March 2026 4 approved and 1 rejected; February 2026 9 approved and 1 SMS
    /// verification expired; March 2025 1 approved, 2 rejected and 1 pending; one in April 2026 outside every period.
    /// </summary>
    private static async Task SeedBureauAsync()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        string?[] march = ["approved", "approved", "approved", "approved", "rejected"];
        string?[] february = [.. Enumerable.Repeat("approved", 9), "sms-expired"];
        string?[] lastMarch = ["approved", "rejected", "rejected", null];
        string?[] april = ["rejected"];
        foreach (var (start, results) in new[] { (China(2026, 3, 2, 10), march), (China(2026, 2, 2, 10), february), (China(2025, 3, 3, 10), lastMarch), (China(2026, 4, 1, 10), april) })
        {
            for (var i = 0; i < results.Length; i++)
            {
                var submitted = start.AddDays(i % 5);
                var order = await data.OrderAsync(BureauProvince, submitted.AddHours(-2));
                await data.SubmissionAsync(order.Order, 1, submitted, submitted.AddMinutes(30));
                if (results[i] is { } result)
                {
                    await data.BureauEventAsync(order.Order, result, submitted.AddDays(3), true, result == "rejected" ? ["id-photo-unclear"] : []);
                }
            }
        }
    }

    private static async Task TasksAsync(ReportData data, DateTimeOffset start, int done, int late)
    {
        for (var i = 0; i < done; i++)
        {
            var created = start.AddDays(i % 5).AddHours(i % 3);
            var order = await data.OrderAsync(Province, created.AddHours(-1));
            var completed = created.AddHours(i < late ? 30 : 3);
            await data.TaskAsync(order, "initial-review", "reviewer", created, created.AddHours(24), completed);
        }
    }
}
