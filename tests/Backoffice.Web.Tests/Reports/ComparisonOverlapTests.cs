using System.Diagnostics;
using Backoffice.Reports;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The SLA and bureau-results reports read their period and the two it is compared with in one query, so a stage
/// (a submission) must count in every period it started in (was made in): over the 366 days 2024-03-01 ~ 2025-03-01 the
/// previous period is 2023-03-01 ~ 2024-02-29 and last year's 2023-03-01 ~ 2024-03-01, which shares a day with each.
/// Zhejiang (330000) is the SLA test's own, Tianjin (120000) the bureau test's.
/// </summary>
public sealed class ComparisonOverlapTests
{
    private const string Province = "330000";
    private const string BureauProvince = "120000";

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

    [Fact]
    public async Task A_submission_counts_in_each_period_it_was_made_in_and_the_bureau_report_reads_them_in_one_query()
    {
        var data = await OpenAsync();
        await using (data.Db)
        {
            // On the period's first day (also last year's period), approved; in June 2023 (previous and last year's), rejected;
            // in October 2024, its SMS window expired; on the period's last evening, pending; in February 2023, before every period.
            foreach (var (submitted, result) in new (DateTimeOffset, string?)[]
            {
                (China(2024, 3, 1, 10), "approved"), (China(2023, 6, 1, 10), "rejected"), (China(2024, 10, 8, 10), "sms-expired"),
                (China(2025, 3, 1, 23), null), (China(2023, 2, 28, 10), "approved"),
            })
            {
                var order = await data.OrderAsync(BureauProvince, submitted.AddDays(-3));
                await data.SubmissionAsync(order.Order, 1, submitted, submitted.AddMinutes(5));
                if (result is not null)
                {
                    await data.BureauEventAsync(order.Order, result, submitted.AddDays(2), true, result == "rejected" ? ["domain-holder-mismatch"] : []);
                }
            }
        }

        var parameters = new ReportParameters
        {
            From = new DateOnly(2024, 3, 1), To = new DateOnly(2025, 3, 1), Province = BureauProvince,
            GeneratedBy = "management", GeneratedAt = China(2025, 3, 5, 9),
        };
        var (book, queries) = await BuildCountingSubmissionQueriesAsync(parameters);
        using (book)
        {
            Assert.Equal(1, queries);
            var cover = book.Worksheet("封面");
            var submittedRow = cover.RowsUsed().Single(r => r.Cell(1).GetString() == "提交");
            Assert.Equal([3, 1, 2], new[] { 2, 3, 5 }.Select(c => submittedRow.Cell(c).GetDouble()));
            var approved = cover.RowsUsed().Single(r => r.Cell(1).GetString() == "通过");
            Assert.Equal([1, 0, 1], new[] { 2, 3, 5 }.Select(c => approved.Cell(c).GetDouble()));
            var rejected = cover.RowsUsed().Single(r => r.Cell(1).GetString() == "退回");
            Assert.Equal([1, 1, 1], new[] { 2, 3, 5 }.Select(c => rejected.Cell(c).GetDouble()));
            var rate = cover.RowsUsed().Single(r => r.Cell(1).GetString() == "通过率");
            Assert.Equal([0.5, 0, 0.5], new[] { 2, 3, 5 }.Select(c => rate.Cell(c).GetDouble()));

            // The period's own sheets hold its three submissions only.
            Assert.Equal(3, book.Worksheet("按省份").Row("天津").Cell(2).GetDouble());
            Assert.Equal(3, book.Worksheet("明细").DataRows().Count);
        }
    }

    /// <summary>Builds a report under an activity of its own and counts the database commands in it that read bureau_submissions.</summary>
    private static async Task<(ClosedXML.Excel.XLWorkbook Book, int Queries)> BuildCountingSubmissionQueriesAsync(ReportParameters parameters)
    {
        using var source = new ActivitySource("Backoffice.Tests.ComparisonOverlap");
        var commands = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" || s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (commands)
                {
                    commands.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        ClosedXML.Excel.XLWorkbook book;
        ActivityTraceId trace;
        using (var build = source.StartActivity("build")!)
        {
            trace = build.TraceId;
            book = await Workbooks.BuildAsync(Report.BureauResults, parameters);
        }

        lock (commands)
        {
            return (book, commands.Count(a => a.Source.Name == "Npgsql" && a.TraceId == trace
                && ((a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement")) as string ?? "").Contains("from bureau_submissions s", StringComparison.Ordinal)));
        }
    }
}
