using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Reports;
using Backoffice.Web.Tests.Reports;
using Backoffice.Web.Tests.Support;
using Dapper;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Dashboard;

/// <summary>
/// GET /api/dashboard for a team lead: the stages and escalations of the teams he leads only, equal to the SLA
/// workbook built for that team; another team is not found; the desk-wide figures are not his. Data in
/// Heilongjiang (230000), 5–18 February 2024, which no other test uses.
/// </summary>
public sealed class DashboardLeadTests
{
    internal const string Period = "from=2024-02-05&to=2024-02-18";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_lead_sees_his_teams_figures_as_the_workbook_for_that_team_and_another_team_is_not_found()
    {
        await SeedAsync();
        var lead = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], "verification");
        using var client = await _app.SignedInAs(lead);

        var figures = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["verification"], figures["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["verification"], figures["stages"]!.AsArray().Select(s => s!["stage"]!.GetValue<string>()));
        Assert.Empty(figures["weeks"]!.AsArray());
        Assert.Empty(figures["provinces"]!.AsArray());
        Assert.Equal(["verification"], figures["escalations"]!.AsArray().Select(e => e!["team"]!.GetValue<string>()));

        using var sla = await Workbooks.BuildAsync(Report.Sla, Parameters("verification"));
        AssertStage(sla.Worksheet("按环节").Row("核验"), figures["stages"]![0]!);
        AssertEscalations(sla.Worksheet("超时升级").Row("核验组", "核验"), figures["escalations"]![0]!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/dashboard?{Period}&team=initial-review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/dashboard?{Period}&team=no-such-team")).StatusCode);
        var own = await client.GetAsync($"/api/dashboard?{Period}&team=verification").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(figures["stages"]!.ToJsonString(), own["stages"]!.ToJsonString());
    }

    [Fact]
    public async Task Management_may_pick_one_team_and_an_unknown_team_is_refused_by_field()
    {
        await SeedAsync();
        using var manager = await _app.SignedInAs("management");

        var team = await manager.GetAsync($"/api/dashboard?{Period}&team=initial-review").ExpectAsync(HttpStatusCode.OK);
        using var sla = await Workbooks.BuildAsync(Report.Sla, Parameters("initial-review"));
        AssertStage(sla.Worksheet("按环节").Row("初审"), team["stages"]!.AsArray().Single()!);
        AssertEscalations(sla.Worksheet("超时升级").Row("初审组", "初审"), team["escalations"]!.AsArray().Single()!);

        var desk = await manager.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);
        Assert.Null(desk["teams"]);
        Assert.Contains(desk["escalations"]!.AsArray(), e => e!["team"]!.GetValue<string>() == "verification");
        Assert.Equal(new Dictionary<string, string[]> { ["team"] = ["invalid-choice"] },
            (await manager.GetAsync($"/api/dashboard?{Period}&team=no-such-team").ExpectAsync(HttpStatusCode.BadRequest)).ErrorCodes());
    }

    internal static ReportParameters Parameters(string team) => new()
    {
        From = new DateOnly(2024, 2, 5), To = new DateOnly(2024, 2, 18), Team = team, GeneratedBy = "management", GeneratedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Done, done within SLA, share within SLA (none when nothing was done), open, open overdue: the 按环节 columns 3, 4, 5, 9, 10.</summary>
    internal static void AssertStage(ClosedXML.Excel.IXLRangeRow row, JsonNode stage)
    {
        Assert.Equal(row.Cell(3).GetDouble(), stage["done"]!.GetValue<int>());
        Assert.Equal(row.Cell(4).GetDouble(), stage["doneWithinSla"]!.GetValue<int>());
        if (row.Cell(5).IsEmpty())
        {
            Assert.Null(stage["shareWithinSla"]);
        }
        else
        {
            Assert.Equal(row.Cell(5).GetDouble(), stage["shareWithinSla"]!.GetValue<double>(), 9);
        }
        Assert.Equal(row.Cell(9).GetDouble(), stage["open"]!.GetValue<int>());
        Assert.Equal(row.Cell(10).GetDouble(), stage["openOverdue"]!.GetValue<int>());
    }

    /// <summary>Escalated tasks, orders, done, still open: the 超时升级 columns 3 to 6.</summary>
    internal static void AssertEscalations(ClosedXML.Excel.IXLRangeRow row, JsonNode escalations)
    {
        Assert.Equal(
            [row.Cell(3).GetDouble(), row.Cell(4).GetDouble(), row.Cell(5).GetDouble(), row.Cell(6).GetDouble()],
            new[] { "escalated", "orders", "done", "open" }.Select(f => (double)escalations[f]!.GetValue<int>()));
    }

    /// <summary>
    /// In Heilongjiang, week of 5 February 2024: two verification tasks (one done in time, one late and escalated), an
    /// initial review escalated and still open; the verification lead sees the first two only.
    /// </summary>
    internal static async Task SeedAsync()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        var first = await data.OrderAsync("230000", China(2024, 2, 5, 9));
        var second = await data.OrderAsync("230000", China(2024, 2, 5, 9));
        await data.TaskAsync(first, "verification", "reviewer", China(2024, 2, 5, 10), China(2024, 2, 6, 10), China(2024, 2, 5, 15));
        await data.TaskAsync(second, "verification", "reviewer", China(2024, 2, 5, 10), China(2024, 2, 6, 10), China(2024, 2, 8, 10));
        await data.TaskAsync(second, "initial-review", null, China(2024, 2, 6, 10), China(2024, 2, 7, 10), null, "open");
        await db.ExecuteAsync(
            """
            update review_tasks set escalated_at = due_at + interval '2 hours'
            where order_id = @Order and (team = 'initial-review' or completed_at > due_at)
            """, new { second.Order });
    }
}
