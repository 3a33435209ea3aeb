using System.Net;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Tests.Support;
using ClosedXML.Excel;
using Dapper;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The report downloads of docs/API.md through the real app: who may pull them, how a bad query is refused,
/// and the workbook and audit row a good one gives. Data in Gansu (620000) around Labour Day 2025:
/// Sunday 04-27 worked (调休), 05-01..05-05 off.
/// </summary>
public sealed class ReportsApiTests
{
    private static readonly string[] Urls = ["/api/reports/sla.xlsx", "/api/reports/bureau-results.xlsx", "/api/reports/public-security.xlsx"];

    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Only_management_and_admins_pull_reports()
    {
        foreach (var caller in new[] { "reviewer", "lead", "compliance", "liaison" })
        {
            using var client = await _app.SignedInAs(caller);
            foreach (var url in Urls)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url + "?from=2025-04-21&to=2025-05-09")).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Console().GetAsync(Urls[0] + "?from=2025-04-21&to=2025-05-09")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().GetAsync(Urls[0] + "?from=2025-04-21&to=2025-05-09")).StatusCode);
        using var admin = await _app.SignedInAs("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Urls[1] + "?from=2025-04-21&to=2025-04-21&province=620000")).StatusCode);
    }

    [Fact]
    public async Task Bad_queries_are_refused_field_by_field_and_nothing_is_audited()
    {
        var (user, client) = await ManagerAsync();
        (string Url, Dictionary<string, string[]> Errors)[] cases =
        [
            ("/api/reports/sla.xlsx", new() { ["from"] = ["required"], ["to"] = ["required"] }),
            ("/api/reports/sla.xlsx?from=2025-02-30&to=2025/03/01", new() { ["from"] = ["date-format"], ["to"] = ["date-format"] }),
            ("/api/reports/sla.xlsx?from=2025-05-01&to=2025-04-01", new() { ["to"] = ["report-period-order"] }),
            ("/api/reports/bureau-results.xlsx?from=2024-01-01&to=2025-01-01", new() { ["to"] = ["report-period-too-long"] }),
            ("/api/reports/sla.xlsx?from=1999-12-31&to=2025-01-01", new() { ["from"] = ["report-date-range"] }),
            ("/api/reports/sla.xlsx?from=2025-04-21&to=2025-05-09&filingType=nope&province=999999&team=nope",
                new() { ["filingType"] = ["invalid-choice"], ["province"] = ["province-unknown"], ["team"] = ["invalid-choice"] }),
            ("/api/reports/bureau-results.xlsx?from=2025-04-21&to=2025-05-09&team=initial-review", new() { ["team"] = ["report-filter-unsupported"] }),
            ("/api/reports/public-security.xlsx?asOf=2099-01-01&from=2025-01-01", new() { ["asOf"] = ["report-as-of-future"], ["from"] = ["report-filter-unsupported"] }),
            ("/api/reports/public-security.xlsx?asOf=yesterday", new() { ["asOf"] = ["date-format"] }),
        ];
        foreach (var (url, expected) in cases)
        {
            var problem = await client.GetAsync(url).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(expected, problem.ErrorCodes());
        }

        var chinese = await client.GetAsync("/api/reports/sla.xlsx?from=2025-5-1&to=2025-05-09").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("日期格式须为 yyyy-MM-dd，如 2025-10-01", chinese["errors"]!["from"]![0]!.GetValue<string>());
        var english = await client.GetAsync("/api/reports/sla.xlsx?from=2025-5-1&to=2025-05-09&lang=en").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Write the date as yyyy-MM-dd, e.g. 2025-10-01", english["errors"]!["from"]![0]!.GetValue<string>());
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*) from audit_log where actor = @user and action = 'report-downloaded'", new { user }));
    }

    [Fact]
    public async Task A_report_downloads_as_a_named_workbook_whose_cover_names_the_user_and_period_and_is_audited()
    {
        var data = await OpenAsync();
        await using (data.Db)
        {
            var order = await data.OrderAsync("620000", China(2025, 4, 25, 9));
            // Friday 04-30 17:00 → Tuesday 05-06 10:00 across the holiday: 1 h + 1 h = 2 working hours.
            await data.TaskAsync(order, "initial-review", "carol", China(2025, 4, 30, 17), China(2025, 5, 6, 17), China(2025, 5, 6, 10));
            // Friday 04-25 17:00 → Monday 04-28 10:00 over the worked Sunday 04-27: 1 h + 8 h + 1 h = 10 working hours.
            await data.TaskAsync(order, "initial-review", "carol", China(2025, 4, 25, 17), China(2025, 4, 27, 17), China(2025, 4, 28, 10));
        }

        var (user, client) = await ManagerAsync();
        using var response = await client.GetAsync("/api/reports/sla.xlsx?from=2025-04-21&to=2025-05-09&province=620000&team=initial-review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("sla-20250421-20250509-620000-initial-review.xlsx", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var cover = book.Worksheet("封面");
        Assert.Equal("时效（SLA）报表", cover.Cell(1, 1).GetString());
        Assert.Equal("2025-04-21 ~ 2025-05-09", cover.Cell(3, 2).GetString());
        Assert.Equal("甘肃", cover.Cell(5, 2).GetString());
        Assert.Equal("初审组", cover.Cell(6, 2).GetString());
        Assert.Equal($"报表经理（{user}）", cover.Cell(8, 2).GetString());
        var initialReview = book.Worksheet("按环节").Row("初审");
        Assert.Equal(2, initialReview.Cell(3).GetDouble());
        Assert.Equal(6, initialReview.Cell(6).GetDouble(), 9);
        Assert.Equal(10, initialReview.Cell(8).GetDouble(), 9);

        using var english = await client.GetAsync("/api/reports/sla.xlsx?from=2025-04-21&to=2025-05-09&province=620000&lang=en");
        Assert.Equal("sla-20250421-20250509-620000-en.xlsx", english.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var englishBook = new XLWorkbook(await english.Content.ReadAsStreamAsync());
        Assert.Equal("Gansu", englishBook.Worksheet("Cover").Cell(5, 2).GetString());

        await using var db = await TestApp.OpenDatabaseAsync();
        var audited = (await db.QueryAsync<(string EntityId, string? From, string? Province, string? Team, string? English)>(
            """
            select entity_id, details->>'from', details->>'province', details->>'team', details->>'english'
            from audit_log where actor = @user and action = 'report-downloaded' order by id
            """, new { user })).ToList();
        Assert.Equal(
        [
            ("sla", "2025-04-21", "620000", "initial-review", "false"),
            ("sla", "2025-04-21", "620000", null, "true"),
        ], audited);
    }

    /// <summary>A management user of its own, so that its audit rows are this test's only.</summary>
    private async Task<(string User, HttpClient Client)> ManagerAsync()
    {
        var user = "mgr" + Guid.NewGuid().ToString("N")[..12];
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync(
                "insert into users (username, display_name, password_hash, roles) values (@user, '报表经理', @hash, '{management}')",
                new { user, hash = SignIn.HashPassword("Passw0rd!") });
        }

        return (user, await _app.SignedInAs(user));
    }
}
