using Backoffice.Reports;
using static Backoffice.Web.Tests.Reports.IndependentCalendar;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The SLA workbook filtered by filing type over orders of two types in Hainan (460000), three ordinary
/// working weeks of June 2025: every figure is the test's own count over the stages of that type alone.
/// </summary>
public sealed class SlaFilingTypeFilterTests
{
    private const string Province = "460000";
    private static readonly DateTimeOffset GeneratedAt = China(2025, 7, 1, 9);

    /// <summary>One stage of an order as the test writes it; its deadline and duration in the stage's unit by the test's own calendar.</summary>
    private sealed record StageRow(string FilingType, string Stage, string? Team, string? Reviewer, DateTimeOffset Started, DateTimeOffset Due, DateTimeOffset? Done)
    {
        public string Unit => Stage switch { "短信核验" => "小时", "管局审核" => "工作日", _ => "工作小时" };

        public double? Duration => Done is not { } done ? null
            : Unit == "小时" ? (done - Started).TotalHours : Unit == "工作日" ? WorkingDays(Started, done) : WorkingMinutes(Started, done) / 60.0;

        public bool Within => Done <= Due;

        public bool Breached => (Done ?? GeneratedAt) > Due;
    }

    [Fact]
    public async Task Filing_type_filter_counts_the_stages_of_that_type_only()
    {
        var stages = await SeedAsync();

        using var book = await Workbooks.BuildAsync(Report.Sla, new ReportParameters
        {
            From = new DateOnly(2025, 6, 9), To = new DateOnly(2025, 6, 27), FilingType = "change-website", Province = Province,
            GeneratedBy = "management", GeneratedAt = GeneratedAt,
        });

        var kept = stages.Where(s => s.FilingType == "change-website").ToList();
        Assert.Equal("变更网站", book.Worksheet("封面").Row(4).Cell(2).GetString());
        var byStage = book.Worksheet("按环节");
        foreach (var stage in kept.GroupBy(s => s.Stage))
        {
            AssertStats(byStage.Row(stage.Key), [.. stage]);
        }

        Assert.Equal(Sorted(kept.Select(s => s.Stage).Distinct().Append("合计")), Sorted(byStage.DataRows().Select(r => r.Cell(1).GetString())));
        var byTeam = book.Worksheet("按处理组");
        var teams = new Dictionary<string, string> { ["initial-review"] = "初审组", ["verification"] = "核验组", ["second-review"] = "复审组" };
        var reviews = kept.Where(s => s.Team is not null).GroupBy(s => (Team: teams[s.Team!], s.Stage)).ToList();
        foreach (var team in reviews)
        {
            AssertStats(byTeam.Row(team.Key.Team, team.Key.Stage), [.. team], keys: 2);
        }

        Assert.Equal(reviews.Count + 1, byTeam.DataRows().Count);
        var breaches = book.Worksheet("超时明细").DataRows();
        Assert.All(breaches, r => Assert.Equal("变更网站", r.Cell(2).GetString()));
        Assert.Equal(
            kept.Where(s => s.Breached).Select(s => (s.Stage, s.Due.ToOffset(TimeSpan.FromHours(8)).DateTime)).Order().ToList(),
            breaches.Select(r => (r.Cell(4).GetString(), r.Cell(8).GetDateTime())).Order().ToList());
    }

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    private static void AssertStats(ClosedXML.Excel.IXLRangeRow row, StageRow[] stages, int keys = 1) =>
        SlaReportTests.AssertStats(row, stages[0].Unit, [.. stages.Select(s => s.Duration).OfType<double>()],
            within: stages.Count(s => s.Within), open: stages.Count(s => s.Done is null),
            openOverdue: stages.Count(s => s.Done is null && GeneratedAt > s.Due), keys);

    /// <summary>
    /// The same kinds of stage for a new filing and a website change, with different times, so that a
    /// figure of one type counted under the other shows: review tasks, a submission, SMS verification and bureau review.
    /// </summary>
    private static async Task<List<StageRow>> SeedAsync()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        var stages = new List<StageRow>();
        foreach (var (type, shift) in new[] { ("new-filing", 0), ("change-website", 1) })
        {
            var order = await data.OrderAsync(Province, China(2025, 6, 9, 9), type);

            async Task ReviewAsync(string team, string stage, string reviewer, DateTimeOffset created, DateTimeOffset due, DateTimeOffset? done)
            {
                await data.TaskAsync(order, team, reviewer, created, due, done, done is null ? "open" : "done");
                stages.Add(new(type, stage, team, reviewer, created, due, done));
            }

            // Within, late, within, and open: past its deadline for the new filing, not yet for the change.
            await ReviewAsync("initial-review", "初审", "alice", China(2025, 6, 9 + shift, 10), China(2025, 6, 10 + shift, 10), China(2025, 6, 9 + shift, 15 + shift));
            await ReviewAsync("initial-review", "初审", "bob", China(2025, 6, 10 + shift, 9), China(2025, 6, 11 + shift, 9), China(2025, 6, 12 + shift, 11 + shift));
            await ReviewAsync("verification", "核验", "bob", China(2025, 6, 11 + shift, 14), China(2025, 6, 12 + shift, 14), China(2025, 6, 11 + shift, 16 + shift));
            await ReviewAsync("second-review", "复审", "alice", China(2025, 6, 16 + shift, 9), shift == 0 ? China(2025, 6, 17, 9) : China(2025, 7, 3, 9), null);

            // Sent after the next working day (Thursday → Monday, Friday → Tuesday).
            var submitted = China(2025, 6, 12 + shift, 17);
            var sent = China(2025, 6, 16 + shift, 10 + shift);
            await data.SubmissionAsync(order.Order, 1, submitted, sent);
            stages.Add(new(type, "提交管局", null, null, submitted, AddWorkingDays(submitted, 1), sent));

            // SMS verified after 23 hours for the new filing, 27 for the change; the bureau approves within its 20 working days.
            var sms = China(2025, 6, 17 + shift, 10);
            var review = China(2025, 6, 18 + shift, 9 + (shift * 4));
            var approved = China(2025, 6, 24 + shift, 15);
            await data.StatusAsync(order.Order, "sms-verification", sms);
            await data.StatusAsync(order.Order, "bureau-review", review);
            await data.StatusAsync(order.Order, "approved", approved);
            stages.Add(new(type, "短信核验", null, null, sms, sms.AddHours(24), review));
            stages.Add(new(type, "管局审核", null, null, review, AddWorkingDays(review, 20), approved));
        }

        return stages;
    }
}
