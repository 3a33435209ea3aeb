using Backoffice.Reports;
using ClosedXML.Excel;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static Backoffice.Web.Tests.Reports.IndependentCalendar;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The SLA workbook's stage times per filing type and per province, and its reviewer matrix, for
/// 2025-08-04 ~ 2025-08-15 (no other test writes stages there), without filters: every row recomputed here
/// from the tables with SQL of its own and working time on the independent calendar, and a few by hand.
/// Liaoning (210000) and Jilin (220000) are this test's own provinces.
/// </summary>
public sealed class StageTimeTests
{
    private static readonly Dictionary<string, string> StageNames = new()
    {
        ["initial-review"] = "初审", ["verification"] = "核验", ["second-review"] = "复审",
        ["submission"] = "提交管局", ["sms-verification"] = "短信核验", ["bureau-review"] = "管局审核",
    };

    private static ReportParameters Parameters(bool english) => new()
    {
        From = new DateOnly(2025, 8, 4), To = new DateOnly(2025, 8, 15), English = english,
        GeneratedBy = "management", GeneratedAt = China(2025, 8, 20, 9),
    };

    [Fact]
    public async Task Stage_times_per_type_and_province_and_the_reviewer_matrix_match_the_tables()
    {
        await SeedAsync();
        var bytes = await ReadableWorkbookTests.BuildAsync(Report.Sla, Parameters(english: false));
        await ReadableWorkbookTests.SaveForReadingAsync("sla-stage-times", bytes);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        }

        using var book = new XLWorkbook(new MemoryStream(bytes));
        var stages = await StagesDoneAsync();
        var byType = book.Worksheet("环节用时（按类型）");
        var byProvince = book.Worksheet("环节用时（按省份）");
        Workbooks.AssertTable(byType);
        Workbooks.AssertTable(byProvince);
        var parameters = Parameters(english: false);
        AssertGroups(byType, stages.GroupBy(s => (Labels.FilingType(parameters, s.Type), StageNames[s.Stage])));
        AssertGroups(byProvince, stages.GroupBy(s => (Labels.Province(parameters, s.Province), StageNames[s.Stage])));

        // By hand: new-filing initial reviews of 4 working hours (Liaoning) and 2 (Jilin) are 0.5 and 0.25 working days.
        var initial = byType.Row("首次备案", "初审");
        Assert.Equal([2, 0.375, 0.475], new[] { 3, 4, 5 }.Select(c => initial.Cell(c).GetDouble()));
        Assert.Equal(0.75, byProvince.Row("辽宁", "初审").Cell(4).GetDouble(), 9);
        Assert.Equal(5.5 / 8, byProvince.Row("辽宁", "短信核验").Cell(4).GetDouble(), 9);
        Assert.Equal(17.0 / 8, byProvince.Row("辽宁", "管局审核").Cell(4).GetDouble(), 9);
        Assert.Equal(7.0 / 8, byProvince.Row("吉林", "提交管局").Cell(4).GetDouble(), 9);
        Assert.DoesNotContain(byProvince.DataRows(), r => r.Cell(1).GetString() == "吉林" && r.Cell(2).GetString() == "复审");

        var matrix = book.Worksheet("审核人矩阵");
        Workbooks.AssertTable(matrix);
        var tasks = await ReviewsDoneAsync();
        var header = matrix.Row(Backoffice.Reports.Workbooks.ReportWorkbook.HeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
        int Column(string stage, string figure) => header.IndexOf($"{StageNames[stage]} {figure}") + 1;
        Assert.Equal(XLAlignmentHorizontalValues.Right, matrix.Cell(Backoffice.Reports.Workbooks.ReportWorkbook.HeaderRow, Column("initial-review", "完成")).Style.Alignment.Horizontal);
        var rows = matrix.DataRows().SkipLast(1).ToList();
        Assert.Equal(tasks.Select(t => t.Reviewer).Distinct().Order(StringComparer.Ordinal), rows.Select(r => r.Cell(1).GetString()));
        foreach (var group in tasks.GroupBy(t => (t.Reviewer, t.Stage)))
        {
            var row = rows.Single(r => r.Cell(1).GetString() == group.Key.Reviewer);
            Assert.Equal(group.Count(), row.Cell(Column(group.Key.Stage, "完成")).GetDouble());
            Assert.Equal(group.Count(t => t.Completed <= t.Due), row.Cell(Column(group.Key.Stage, "按时")).GetDouble());
            Assert.Equal(group.Count(t => t.Outcome == "return"), row.Cell(Column(group.Key.Stage, "退回")).GetDouble());
            Assert.Equal(Percentile(group.Select(t => WorkingMinutes(t.Created, t.Completed) / 60.0), 0.5),
                row.Cell(Column(group.Key.Stage, "中位数（工作小时）")).GetDouble(), 9);
        }

        var totals = matrix.DataRows()[^1];
        Assert.Equal("合计", totals.Cell(1).GetString());
        Assert.Equal(tasks.Count(t => t.Outcome == "return" && t.Stage == "initial-review"), totals.Cell(Column("initial-review", "退回")).GetDouble());

        // By hand: 赵一鸣 did two initial reviews (4 and 2 working hours, on time) and gave a return in second review;
        // 钱二妹 returned one initial review and finished a verification late. The task started on 07-28 is not counted.
        var zhao = rows.Single(r => r.Cell(1).GetString() == "赵一鸣");
        Assert.Equal([2, 2, 0, 3], new[] { "完成", "按时", "退回", "中位数（工作小时）" }.Select(f => zhao.Cell(Column("initial-review", f)).GetDouble()));
        Assert.Equal([1, 1, 1, 5], new[] { "完成", "按时", "退回", "中位数（工作小时）" }.Select(f => zhao.Cell(Column("second-review", f)).GetDouble()));
        var qian = rows.Single(r => r.Cell(1).GetString() == "钱二妹");
        Assert.Equal([1, 0, 0, 10], new[] { "完成", "按时", "退回", "中位数（工作小时）" }.Select(f => qian.Cell(Column("verification", f)).GetDouble()));
        Assert.Equal(1, qian.Cell(Column("initial-review", "退回")).GetDouble());

        using var english = new XLWorkbook(new MemoryStream(await ReadableWorkbookTests.BuildAsync(Report.Sla, Parameters(english: true))));
        Assert.Equal(0.375, english.Worksheet("Stage time by type").Row("New filing", "Initial review").Cell(4).GetDouble(), 9);
        Assert.Equal(0.75, english.Worksheet("Stage time by province").Row("Liaoning", "Initial review").Cell(4).GetDouble(), 9);
        var englishMatrix = english.Worksheet("Reviewer matrix");
        Assert.Contains("Initial review returns", englishMatrix.Row(Backoffice.Reports.Workbooks.ReportWorkbook.HeaderRow).CellsUsed().Select(c => c.GetString()));
        Assert.Contains(englishMatrix.DataRows(), r => r.Cell(1).GetString() == "赵一鸣");
    }

    /// <summary>Each row (key, stage) of a stage-time sheet: its stages' count, median and p90 in working days.</summary>
    private static void AssertGroups(IXLWorksheet sheet, IEnumerable<IGrouping<(string Key, string Stage), StageDone>> groups)
    {
        var expected = groups.ToList();
        Assert.Equal(expected.Count, sheet.DataRows().Count);
        foreach (var group in expected)
        {
            var days = group.Select(s => WorkingDays(s.Started, s.Ended)).ToList();
            var row = sheet.Row(group.Key.Key, group.Key.Stage);
            Assert.Equal(days.Count, row.Cell(3).GetDouble());
            Assert.Equal(Percentile(days, 0.5), row.Cell(4).GetDouble(), 9);
            Assert.Equal(Percentile(days, 0.9), row.Cell(5).GetDouble(), 9);
        }
    }

    private sealed record StageDone(string Type, string Province, string Stage, DateTimeOffset Started, DateTimeOffset Ended);

    private sealed record ReviewDone(string Reviewer, string Stage, DateTimeOffset Created, DateTimeOffset Completed, DateTimeOffset Due, string? Outcome);

    /// <summary>Every stage that started in the period and ended: review tasks, submissions sent, and the two timeline statuses up to the next one.</summary>
    private static async Task<List<StageDone>> StagesDoneAsync()
    {
        await using var db = await Support.TestApp.OpenDatabaseAsync();
        var rows = await db.QueryAsync<(string Type, string Province, string Stage, DateTimeOffset Started, DateTimeOffset Ended)>(
            """
            with stages as (
                select t.order_id, t.team as stage, t.created_at as started, t.completed_at as ended
                from review_tasks t where t.status = 'done'
                union all
                select s.order_id, 'submission', s.submitted_at, s.sent_at from bureau_submissions s where s.sent_at is not null
                union all
                select x.order_id, x.status, x.at, x.next_at
                from (select order_id, status, at, lead(at) over (partition by order_id order by id) as next_at from filing_timeline) x
                where x.status in ('sms-verification', 'bureau-review') and x.next_at is not null)
            select o.filing_type, o.province, s.stage, s.started, s.ended
            from stages s join filing_orders o on o.id = s.order_id
            where s.started >= '2025-08-04 00:00+08' and s.started < '2025-08-16 00:00+08'
            """);
        return rows.Select(r => new StageDone(r.Type, r.Province, r.Stage, r.Started, r.Ended)).ToList();
    }

    /// <summary>The review tasks completed that started in the period, by their completer's display name.</summary>
    private static async Task<List<ReviewDone>> ReviewsDoneAsync()
    {
        await using var db = await Support.TestApp.OpenDatabaseAsync();
        var rows = await db.QueryAsync<(string Reviewer, string Stage, DateTimeOffset Created, DateTimeOffset Completed, DateTimeOffset Due, string? Outcome)>(
            """
            select coalesce(u.display_name, t.completed_by), t.team, t.created_at, t.completed_at, t.due_at, t.outcome
            from review_tasks t left join users u on u.username = t.completed_by
            where t.status = 'done' and t.created_at >= '2025-08-04 00:00+08' and t.created_at < '2025-08-16 00:00+08'
            """);
        return rows.Select(r => new ReviewDone(r.Reviewer, r.Stage, r.Created, r.Completed, r.Due, r.Outcome)).ToList();
    }

    /// <summary>
    /// Liaoning: a new filing through initial review (赵一鸣, 4 h), verification (钱二妹, 10 h, late), second review
    /// (赵一鸣, 5 h, returned), submission, SMS verification (5.5 working hours) and bureau review (17 working hours);
    /// a change of subject whose initial review 钱二妹 returned after 8 h, an open second review and a cancelled one;
    /// a task of 赵一鸣 started before the period. Jilin: a new filing's initial review (赵一鸣, 2 h) and its submission (7 h).
    /// </summary>
    private static async Task SeedAsync()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        await db.ExecuteAsync(
            """
            insert into users (username, display_name, password_hash, roles)
            values ('stage-zhao', '赵一鸣', 'x', '{reviewer}'), ('stage-qian', '钱二妹', 'x', '{reviewer}')
            on conflict (username) do nothing
            """);
        var first = await data.OrderAsync("210000", China(2025, 8, 4, 9));
        await data.TaskAsync(first, "initial-review", "stage-zhao", China(2025, 8, 4, 10), China(2025, 8, 5, 10), China(2025, 8, 4, 15));
        await data.TaskAsync(first, "verification", "stage-qian", China(2025, 8, 5, 9), China(2025, 8, 6, 9), China(2025, 8, 6, 11));
        await data.TaskAsync(first, "second-review", "stage-zhao", China(2025, 8, 6, 14), China(2025, 8, 7, 14), China(2025, 8, 7, 10));
        await ReturnAsync(db, first.Order, "second-review");
        await data.SubmissionAsync(first.Order, 1, China(2025, 8, 7, 11), China(2025, 8, 7, 11, 30));
        await data.StatusAsync(first.Order, "sms-verification", China(2025, 8, 7, 11, 30));
        await data.StatusAsync(first.Order, "bureau-review", China(2025, 8, 7, 20));
        await data.StatusAsync(first.Order, "approved", China(2025, 8, 12, 10));

        var change = await data.OrderAsync("210000", China(2025, 8, 8, 8), "change-subject");
        await data.TaskAsync(change, "initial-review", "stage-qian", China(2025, 8, 8, 9), China(2025, 8, 11, 9), China(2025, 8, 8, 18));
        await ReturnAsync(db, change.Order, "initial-review");
        await data.TaskAsync(change, "second-review", "stage-zhao", China(2025, 8, 11, 9), China(2025, 8, 12, 9), null, "open");
        await data.TaskAsync(change, "second-review", "stage-zhao", China(2025, 8, 11, 10), China(2025, 8, 12, 10), China(2025, 8, 11, 11), "cancelled");
        await data.TaskAsync(change, "initial-review", "stage-zhao", China(2025, 7, 28, 9), China(2025, 7, 29, 9), China(2025, 7, 28, 10));

        var jilin = await data.OrderAsync("220000", China(2025, 8, 11, 8));
        await data.TaskAsync(jilin, "initial-review", "stage-zhao", China(2025, 8, 11, 9), China(2025, 8, 12, 9), China(2025, 8, 11, 11));
        await data.SubmissionAsync(jilin.Order, 1, China(2025, 8, 12, 9), China(2025, 8, 12, 17));
    }

    private static Task ReturnAsync(Npgsql.NpgsqlConnection db, Guid order, string team) =>
        db.ExecuteAsync("update review_tasks set outcome = 'return' where order_id = @order and team = @team", new { order, team });
}
