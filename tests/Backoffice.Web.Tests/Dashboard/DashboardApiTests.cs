using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Reports;
using Backoffice.Web.Tests.Reports;
using Backoffice.Web.Tests.Support;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Dashboard;

/// <summary>
/// GET /api/dashboard: the SLA and bureau-results workbooks' headline figures for a period, equal to the
/// workbooks' own cells for the same period; management, admins and leads (DashboardLeadTests) only; a bad period refused by field.
/// Data in Gansu (620000) in the first half of December 2025, which no other test uses.
/// </summary>
public sealed class DashboardApiTests
{
    private const string Period = "from=2025-12-01&to=2025-12-14";
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_dashboard_shows_the_workbooks_figures_for_the_period()
    {
        await SeedAsync(0);
        using var client = await _app.SignedInAs("management");
        var figures = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);

        var parameters = new ReportParameters
        {
            From = new DateOnly(2025, 12, 1), To = new DateOnly(2025, 12, 14), GeneratedBy = "management", GeneratedAt = DateTimeOffset.UtcNow,
        };
        using var sla = await Workbooks.BuildAsync(Report.Sla, parameters);
        using var bureau = await Workbooks.BuildAsync(Report.BureauResults, parameters);

        // Initial review: one of two tasks done by its deadline; submissions: both sent within the working day.
        var initialReview = Stage(figures, "initial-review");
        Assert.Equal("初审", initialReview["name"]!.GetValue<string>());
        Assert.Equal(0.5, initialReview["shareWithinSla"]!.GetValue<double>(), 9);
        Assert.Equal(sla.Worksheet("按环节").Row("初审").Cell(5).GetDouble(), initialReview["shareWithinSla"]!.GetValue<double>(), 9);
        Assert.Equal(sla.Worksheet("按环节").Row("提交管局").Cell(5).GetDouble(), Stage(figures, "submission")["shareWithinSla"]!.GetValue<double>(), 9);
        Assert.Equal(0.9, figures["slaTarget"]!.GetValue<double>(), 9);

        // One approval, one rejection in Gansu.
        var gansu = figures["provinces"]!.AsArray().Single(p => p!["province"]!.GetValue<string>() == "620000")!;
        Assert.Equal("甘肃", gansu["name"]!.GetValue<string>());
        Assert.Equal(0.5, gansu["approvalRate"]!.GetValue<double>(), 9);
        Assert.Equal(bureau.Worksheet("按省份").Row("甘肃").Cell(6).GetDouble(), gansu["approvalRate"]!.GetValue<double>(), 9);

        // Both orders came in the first week; one went out (approved) in the second.
        var weeks = figures["weeks"]!.AsArray().Select(w => (w!["monday"]!.GetValue<string>(), w["in"]!.GetValue<int>(), w["out"]!.GetValue<int>())).ToList();
        Assert.Equal([("2025-12-01", 2, 0), ("2025-12-08", 0, 1)], weeks);
        var sheet = sla.Worksheet("进出与积压（按周）").DataRows().Take(2)
            .Select(r => (r.Cell(1).GetString(), (int)r.Cell(2).GetDouble(), (int)r.Cell(3).GetDouble())).ToList();
        Assert.Equal(sheet, weeks);

        var english = await client.GetAsync($"/api/dashboard?{Period}&lang=en").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Initial review", Stage(english, "initial-review")["name"]!.GetValue<string>());
        Assert.Contains(english["provinces"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Gansu");
    }

    [Fact]
    public async Task Only_management_admins_and_leads_see_the_figures_and_a_bad_period_is_refused_by_field()
    {
        foreach (var caller in new[] { "reviewer", "compliance", "liaison" })
        {
            using var staff = await _app.SignedInAs(caller);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/dashboard?{Period}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().GetAsync($"/api/dashboard?{Period}")).StatusCode);
        using var admin = await _app.SignedInAs("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/dashboard?{Period}")).StatusCode);

        using var manager = await _app.SignedInAs("management");
        Assert.Equal(new Dictionary<string, string[]> { ["to"] = ["report-period-order"] },
            (await manager.GetAsync("/api/dashboard?from=2025-12-14&to=2025-12-01").ExpectAsync(HttpStatusCode.BadRequest)).ErrorCodes());
        Assert.Equal(new Dictionary<string, string[]> { ["from"] = ["date-format"], ["to"] = ["required"] },
            (await manager.GetAsync("/api/dashboard?from=1.12.2025").ExpectAsync(HttpStatusCode.BadRequest)).ErrorCodes());

        // Without a period: the last 30 days, today included.
        var recent = await manager.GetAsync("/api/dashboard").ExpectAsync(HttpStatusCode.OK);
        var from = DateOnly.Parse(recent["from"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(recent["to"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(29, to.DayNumber - from.DayNumber);
    }

    [Fact]
    public async Task A_review_stage_of_a_team_compliance_added_is_named_after_the_team()
    {
        var hex = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var (team, name) = ("legal-" + hex, "法务复核组" + hex);
        var data = await OpenAsync();
        await using (var db = data.Db)
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "insert into teams (id, name) values (@team, @name)", new { team, name });
            var order = await data.OrderAsync("620000", China(2019, 3, 4, 9));
            await data.TaskAsync(order, team, "carol", China(2019, 3, 4, 10), China(2019, 3, 5, 10), China(2019, 3, 4, 15));
        }

        using var client = await _app.SignedInAs("management");
        var figures = await client.GetAsync("/api/dashboard?from=2019-03-01&to=2019-03-31").ExpectAsync(HttpStatusCode.OK);
        using var sla = await Workbooks.BuildAsync(Report.Sla, new ReportParameters
        {
            From = new DateOnly(2019, 3, 1), To = new DateOnly(2019, 3, 31), GeneratedBy = "management", GeneratedAt = DateTimeOffset.UtcNow,
        });

        Assert.Equal(name, Stage(figures, team)["name"]!.GetValue<string>());
        Assert.Equal(1.0, sla.Worksheet("按环节").Row(name).Cell(5).GetDouble(), 9);
        Assert.DoesNotContain(sla.Worksheet("按环节").DataRows(), r => r.Cell(1).GetString() == team);
    }

    private static JsonNode Stage(JsonNode figures, string stage) =>
        figures["stages"]!.AsArray().Single(s => s!["stage"]!.GetValue<string>() == stage)!;

    /// <summary>Two Gansu orders in the two weeks from Monday 2025-12-01 plus <paramref name="days"/>: one task late, one approval, one rejection.</summary>
    internal static async Task SeedAsync(int days)
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        var approved = await data.OrderAsync("620000", China(2025, 12, 1, 9).AddDays(days));
        var rejected = await data.OrderAsync("620000", China(2025, 12, 1, 9).AddDays(days));
        await data.StatusAsync(approved.Order, "submitted", China(2025, 12, 1, 10).AddDays(days));
        await data.StatusAsync(rejected.Order, "submitted", China(2025, 12, 2, 10).AddDays(days));
        await data.TaskAsync(approved, "initial-review", "carol", China(2025, 12, 2, 10).AddDays(days), China(2025, 12, 3, 10).AddDays(days), China(2025, 12, 2, 15).AddDays(days));
        await data.TaskAsync(rejected, "initial-review", "carol", China(2025, 12, 2, 10).AddDays(days), China(2025, 12, 3, 10).AddDays(days), China(2025, 12, 4, 10).AddDays(days));
        await data.SubmissionAsync(approved.Order, 1, China(2025, 12, 4, 10).AddDays(days), China(2025, 12, 4, 11).AddDays(days));
        await data.SubmissionAsync(rejected.Order, 1, China(2025, 12, 5, 10).AddDays(days), China(2025, 12, 5, 11).AddDays(days));
        await data.BureauEventAsync(approved.Order, "approved", China(2025, 12, 9, 10).AddDays(days));
        await data.BureauEventAsync(rejected.Order, "rejected", China(2025, 12, 10, 10).AddDays(days), true, "id-photo-unclear");
        await data.StatusAsync(approved.Order, "approved", China(2025, 12, 9, 10).AddDays(days));
    }
}
