using Backoffice.Reports;
using Backoffice.Reports.Workbooks;
using ClosedXML.Excel;
using static Backoffice.Web.Tests.Reports.IndependentCalendar;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The SLA workbook over a known data set in Xinjiang (650000) around the 2025 National Day holiday:
/// 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked (调休). Working hours 09–12 and 13–18.
/// Every expected duration is worked out by hand in the comments.
/// </summary>
public sealed class SlaReportTests
{
    private static ReportParameters Parameters(string province) => new()
    {
        From = new DateOnly(2025, 9, 26), To = new DateOnly(2025, 10, 17), Province = province,
        GeneratedBy = "management", GeneratedAt = China(2025, 11, 14, 18),
    };

    [Fact]
    public async Task Sla_figures_match_the_working_day_arithmetic_across_the_holiday_and_the_adjusted_weekend()
    {
        await SeedAsync("650000");

        using var book = await Workbooks.BuildAsync(Report.Sla, Parameters("650000"));

        Assert.Equal([
            "封面", "按环节", "按处理组", "按审核人", "审核人矩阵", "未完成账龄", "进出与积压（按周）", "端到端（按类型）", "端到端（按省份）",
            "环节用时（按类型）", "环节用时（按省份）", "超时升级", "超时明细", "升级明细",
        ],
            book.Worksheets.Select(s => s.Name));
        var cover = book.Worksheet("封面");
        Assert.Equal("时效（SLA）报表", cover.Cell(1, 1).GetString());
        Assert.Equal("2025-09-26 ~ 2025-10-17", cover.Row(3).Cell(2).GetString());
        Assert.Equal("新疆", cover.Row(5).Cell(2).GetString());
        Assert.Equal("2025-11-14 18:00", cover.Row(7).Cell(2).GetString());
        Assert.Equal("management", cover.Row(8).Cell(2).GetString());

        var stages = book.Worksheet("按环节");
        // Initial review: 2 h (09-30 17–18, 10-09 09–10), 12 h (09-26 16–18, Sunday 09-28 worked 8 h, 09-29 09–11),
        // 13 h (10-10 15–18, Saturday 10-11 worked 8 h, 10-13 09–11); only the first within its deadline.
        AssertStats(stages.Row("初审"), "工作小时", [2, 12, 13], within: 1, open: 0, openOverdue: 0);
        // Verification: 09-29 11:30–12:00 and 13:00–14:00.
        AssertStats(stages.Row("核验"), "工作小时", [1.5], within: 1, open: 0, openOverdue: 0);
        // Second review: still open, due 10-09 10:00.
        AssertStats(stages.Row("复审"), "工作小时", [], within: 0, open: 1, openOverdue: 1);
        // Submission: 09-30 17:30–18:00 and 10-09 09:00–09:30; due the next working day, 10-09 17:30.
        AssertStats(stages.Row("提交管局"), "工作小时", [1], within: 1, open: 0, openOverdue: 0);
        // SMS verification in natural hours: 16 h (09-30 18:00 → 10-01 10:00) and 37 h (10-11 20:00 → 10-13 09:00).
        AssertStats(stages.Row("短信核验"), "小时", [16, 37], within: 1, open: 0, openOverdue: 0);
        // Bureau review in working days: from 10-01 10:00 the clock starts 10-09 09:00; to 10-31 12:00 that is
        // 17 full days (10-09, 10-10, 10-11, 10-13..17, 10-20..24, 10-27..30) and 3 h = 17.375, due 11-05 09:00.
        // From 10-13 09:00 to 11-12 18:00: 23 full days = 23, due 11-10 09:00.
        AssertStats(stages.Row("管局审核"), "工作日", [17.375, 23], within: 1, open: 0, openOverdue: 0);
        var total = stages.Row("合计");
        Assert.Equal(9, total.Cell(3).GetDouble());
        Assert.Equal(5, total.Cell(4).GetDouble());
        Assert.Equal(5.0 / 9, total.Cell(5).GetDouble(), 9);
        Assert.Equal(1, total.Cell(9).GetDouble());
        Assert.Equal(6, stages.DataRows().Count - 1);
        Assert.Equal("0.0%", stages.Row("初审").Cell(5).Style.NumberFormat.Format);
        Assert.Equal("#,##0.00", stages.Row("初审").Cell(6).Style.NumberFormat.Format);

        var teams = book.Worksheet("按处理组");
        AssertStats(teams.Row("初审组", "初审"), "工作小时", [2, 12, 13], within: 1, open: 0, openOverdue: 0, keys: 2);
        AssertStats(teams.Row("核验组", "核验"), "工作小时", [1.5], within: 1, open: 0, openOverdue: 0, keys: 2);
        AssertStats(teams.Row("复审组", "复审"), "工作小时", [], within: 0, open: 1, openOverdue: 1, keys: 2);
        Assert.Equal(4, teams.DataRows().Count);

        var reviewers = book.Worksheet("按审核人");
        AssertStats(reviewers.Row("alice", "初审"), "工作小时", [2, 13], within: 1, open: 0, openOverdue: 0, keys: 2);
        AssertStats(reviewers.Row("alice", "复审"), "工作小时", [], within: 0, open: 1, openOverdue: 1, keys: 2);
        AssertStats(reviewers.Row("bob", "初审"), "工作小时", [12], within: 0, open: 0, openOverdue: 0, keys: 2);
        AssertStats(reviewers.Row("bob", "核验"), "工作小时", [1.5], within: 1, open: 0, openOverdue: 0, keys: 2);
        Assert.Equal(5, reviewers.DataRows().Count);

        // The open second review: from 09-30 10:00 to 11-14 18:00 = 7 h + 10-09..11 (24 h) + five full weeks (200 h) = 28.875 days.
        var ages = book.Worksheet("未完成账龄");
        var secondReview = ages.Row("复审");
        Assert.Equal([0, 0, 0, 0, 1, 1], Enumerable.Range(2, 6).Select(c => secondReview.Cell(c).GetDouble()));
        Assert.Equal(28.875, secondReview.Cell(8).GetDouble(), 9);

        var breaches = book.Worksheet("超时明细");
        var rows = breaches.DataRows().Select(r => (Stage: r.Cell(4).GetString(), Assignee: r.Cell(6).GetString(), Due: r.Cell(8).GetDateTime(),
            Done: r.Cell(9).IsEmpty() ? (DateTime?)null : r.Cell(9).GetDateTime(), By: r.Cell(10).GetDouble(), Unit: r.Cell(11).GetString()))
            .OrderBy(r => r.Due).ToList();
        Assert.Equal(
        [
            // Due Sunday 09-28 16:00 (worked), done 09-29 11:00: 2 h + 2 h.
            ("初审", "bob", new DateTime(2025, 9, 28, 16, 0, 0), (DateTime?)new DateTime(2025, 9, 29, 11, 0, 0), 4.0, "工作小时"),
            // Still open, due 10-09 10:00: 7 h + 10-10, 10-11 (16 h) + five weeks (200 h).
            ("复审", "alice", new DateTime(2025, 10, 9, 10, 0, 0), null, 223.0, "工作小时"),
            // Due Saturday 10-11 15:00 (worked), done 10-13 11:00: 3 h + 2 h.
            ("初审", "alice", new DateTime(2025, 10, 11, 15, 0, 0), new DateTime(2025, 10, 13, 11, 0, 0), 5.0, "工作小时"),
            // 24 h after 10-11 20:00, verified 10-13 09:00.
            ("短信核验", "", new DateTime(2025, 10, 12, 20, 0, 0), new DateTime(2025, 10, 13, 9, 0, 0), 13.0, "小时"),
            // Due 11-10 09:00, rejected 11-12 18:00: three full working days.
            ("管局审核", "", new DateTime(2025, 11, 10, 9, 0, 0), new DateTime(2025, 11, 12, 18, 0, 0), 3.0, "工作日"),
        ], rows);
        Assert.Equal("yyyy-mm-dd hh:mm", breaches.Cell(ReportWorkbook.HeaderRow + 1, 8).Style.NumberFormat.Format);

        foreach (var sheet in book.Worksheets.Skip(1))
        {
            Workbooks.AssertTable(sheet);
        }
    }

    [Fact]
    public async Task Team_filter_keeps_that_team_only_and_labels_are_english_when_asked()
    {
        await SeedAsync("640000");

        using var book = await Workbooks.BuildAsync(Report.Sla, Parameters("640000") with { Team = "initial-review", English = true });

        Assert.Equal(
            [
                "Cover", "By stage", "By team", "By reviewer", "Reviewer matrix", "Open work by age", "Inflow and backlog by week", "End to end by type",
                "End to end by province", "Stage time by type", "Stage time by province", "Escalations", "Breaches", "Escalated tasks",
            ],
            book.Worksheets.Select(s => s.Name));
        Assert.Equal("Initial review team", book.Worksheet("Cover").Row(6).Cell(2).GetString());
        Assert.Equal(["Initial review team", "Total"], book.Worksheet("By team").DataRows().Select(r => r.Cell(1).GetString()));
        Assert.All(book.Worksheet("Breaches").DataRows(), r => Assert.Equal("Initial review team", r.Cell(5).GetString()));
        var stages = book.Worksheet("By stage");
        Assert.Equal(["Initial review", "Total"], stages.DataRows().Select(r => r.Cell(1).GetString()));
        AssertStats(stages.Row("Initial review"), "working hours", [2, 12, 13], within: 1, open: 0, openOverdue: 0);
        Assert.Equal(2, book.Worksheet("Breaches").DataRows().Count);
    }

    [Fact]
    public async Task Detail_sheets_read_the_same_streamed_or_written_through_ClosedXML()
    {
        await SeedAsync("630000");

        using var streamed = await Workbooks.BuildAsync(Report.Sla, Parameters("630000"), DetailWriting.Streamed);
        using var closedXml = await Workbooks.BuildAsync(Report.Sla, Parameters("630000"), DetailWriting.ClosedXml);

        static List<string> Cells(XLWorkbook book) =>
            book.Worksheet("超时明细").RangeUsed()!.Cells().Select(c => $"{c.Address}={c.Value}").ToList();
        Assert.Equal(Cells(closedXml), Cells(streamed));
        Assert.Equal(closedXml.Worksheet("超时明细").Column(1).Width, streamed.Worksheet("超时明细").Column(1).Width, 2);
    }

    /// <summary>Count, within SLA, share, median, p90 and max against the test's own percentile over the hand-worked durations.</summary>
    internal static void AssertStats(IXLRangeRow row, string unit, double[] durations, int within, int open, int openOverdue, int keys = 1)
    {
        var c = keys + 1;
        Assert.Equal(unit, row.Cell(c).GetString());
        Assert.Equal(durations.Length, row.Cell(c + 1).GetDouble());
        Assert.Equal(within, row.Cell(c + 2).GetDouble());
        if (durations.Length == 0)
        {
            Assert.True(row.Cell(c + 3).IsEmpty() && row.Cell(c + 4).IsEmpty() && row.Cell(c + 5).IsEmpty() && row.Cell(c + 6).IsEmpty());
        }
        else
        {
            Assert.Equal((double)within / durations.Length, row.Cell(c + 3).GetDouble(), 9);
            Assert.Equal(Percentile(durations, 0.5), row.Cell(c + 4).GetDouble(), 9);
            Assert.Equal(Percentile(durations, 0.9), row.Cell(c + 5).GetDouble(), 9);
            Assert.Equal(durations.Max(), row.Cell(c + 6).GetDouble(), 9);
        }

        Assert.Equal(open, row.Cell(c + 7).GetDouble());
        Assert.Equal(openOverdue, row.Cell(c + 8).GetDouble());
    }

    /// <summary>Each test seeds the same shapes in its own province, so they never see each other's rows.</summary>
    private static async Task SeedAsync(string province)
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        var a = await data.OrderAsync(province, China(2025, 9, 26, 9));
        await data.TaskAsync(a, "initial-review", "alice", China(2025, 9, 30, 17), China(2025, 10, 9, 17), China(2025, 10, 9, 10));
        await data.TaskAsync(a, "initial-review", "bob", China(2025, 9, 26, 16), China(2025, 9, 28, 16), China(2025, 9, 29, 11));
        await data.TaskAsync(a, "initial-review", "alice", China(2025, 10, 10, 15), China(2025, 10, 11, 15), China(2025, 10, 13, 11));
        await data.TaskAsync(a, "verification", "bob", China(2025, 9, 29, 11, 30), China(2025, 9, 30, 11, 30), China(2025, 9, 29, 14));
        await data.TaskAsync(a, "second-review", "alice", China(2025, 9, 30, 10), China(2025, 10, 9, 10), null, "open");
        await data.TaskAsync(a, "initial-review", "bob", China(2025, 9, 29, 9), China(2025, 9, 30, 9), China(2025, 10, 29, 9), "cancelled");
        await data.TaskAsync(a, "initial-review", "bob", China(2025, 10, 20, 9), China(2025, 10, 21, 9), China(2025, 10, 29, 9));
        await data.SubmissionAsync(a.Order, 1, China(2025, 9, 30, 17, 30), China(2025, 10, 9, 9, 30));
        await data.StatusAsync(a.Order, "sms-verification", China(2025, 9, 30, 18));
        await data.StatusAsync(a.Order, "bureau-review", China(2025, 10, 1, 10));
        await data.StatusAsync(a.Order, "approved", China(2025, 10, 31, 12));
        var b = await data.OrderAsync(province, China(2025, 10, 9, 9));
        await data.StatusAsync(b.Order, "sms-verification", China(2025, 10, 11, 20));
        await data.StatusAsync(b.Order, "bureau-review", China(2025, 10, 13, 9));
        await data.StatusAsync(b.Order, "bureau-rejected", China(2025, 11, 12, 18));
        var elsewhere = await data.OrderAsync("440000", China(2025, 10, 9, 9));
        await data.TaskAsync(elsewhere, "initial-review", "bob", China(2025, 10, 9, 9), China(2025, 10, 10, 9), China(2025, 10, 29, 9));
    }
}
