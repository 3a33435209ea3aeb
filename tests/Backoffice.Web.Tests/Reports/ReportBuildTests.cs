using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Features.Reports;
using Backoffice.Web.Tests.Support;
using ClosedXML.Excel;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>Builds requested through /api/reports/builds, made by the real Hangfire server into the archive.</summary>
[Collection(AloneCollection.Name)]
public sealed class ReportBuildTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_requested_build_runs_in_the_background_and_its_workbook_downloads_from_the_archive()
    {
        var data = await ReportData.OpenAsync();
        await using (data.Db)
        {
            // Three review tasks in Gansu in March 2024, the report's only rows.
            for (var day = 4; day <= 6; day++)
            {
                var order = await data.OrderAsync("620000", China(2024, 3, day, 9));
                await data.TaskAsync(order, "initial-review", "alice", China(2024, 3, day, 10), China(2024, 3, day, 16), China(2024, 3, day, 11));
            }
        }

        var management = await _app.SignedInAs("management");
        var requested = await management.PostJsonAsync("/api/reports/builds", new JsonObject
        {
            ["kind"] = "sla", ["from"] = "2024-03-01", ["to"] = "2024-03-31", ["province"] = "620000",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("queued", requested["status"]!.GetValue<string>());
        var id = requested["id"]!.GetValue<string>();

        var build = await Archive.FinishedAsync(management, id);
        Assert.Equal("done", build["status"]!.GetValue<string>());
        Assert.Equal(100, build["progress"]!.GetValue<int>());
        Assert.Equal(3, build["rowsRead"]!.GetValue<long>());
        Assert.Equal("management", build["requestedBy"]!.GetValue<string>());
        Assert.Equal("sla-20240301-20240331-620000.xlsx", build["fileName"]!.GetValue<string>());
        Assert.Equal("620000", build["parameters"]!["province"]!.GetValue<string>());

        var list = await management.GetAsync("/api/reports/builds?pageSize=100").ExpectAsync(HttpStatusCode.OK);
        var requestedAts = list["items"]!.AsArray().Select(b => b!["requestedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(requestedAts.OrderDescending(), requestedAts);
        Assert.Contains(list["items"]!.AsArray(), b => b!["id"]!.GetValue<string>() == id);

        using var file = await management.GetAsync($"/api/reports/builds/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        var content = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(build["sizeBytes"]!.GetValue<long>(), content.Length);
        using var book = new XLWorkbook(new MemoryStream(content));
        var cover = book.Worksheet("封面");
        Assert.Equal("时效（SLA）报表", cover.Cell(1, 1).GetString());
        Assert.Equal("2024-03-01 ~ 2024-03-31", cover.Row(3).Cell(2).GetString());
        Assert.Equal("甘肃", cover.Row(5).Cell(2).GetString());
        Assert.Equal("管理层（management）", cover.Row(8).Cell(2).GetString());

        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(
            ["management report-build-requested", "report-build report-build-done", "management report-build-downloaded"],
            await db.QueryAsync<string>("select actor || ' ' || action from audit_log where entity_type = 'report-build' and entity_id = @id order by id", new { id }));
    }

    [Fact]
    public async Task A_retried_job_leaves_a_finished_build_as_it_was()
    {
        var management = await _app.SignedInAs("management");
        var requested = await management.PostJsonAsync("/api/reports/builds", new JsonObject
        {
            ["kind"] = "public-security", ["asOf"] = "2024-02-29", ["province"] = "620000", ["lang"] = "en",
        }).ExpectAsync(HttpStatusCode.Created);
        var id = requested["id"]!.GetValue<string>();
        var done = await Archive.FinishedAsync(management, id);
        Assert.Equal("done", done["status"]!.GetValue<string>());
        Assert.Equal("2024-02-29", done["parameters"]!["asOf"]!.GetValue<string>());

        await _app.Services.GetRequiredService<ReportBuildJob>().RunAsync(Guid.Parse(id), CancellationToken.None);

        var again = await management.GetAsync($"/api/reports/builds/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(done.ToJsonString(), again.ToJsonString());
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where entity_id = @id and action = 'report-build-done'", new { id }));
        using var book = new XLWorkbook(new MemoryStream(await management.GetByteArrayAsync($"/api/reports/builds/{id}/file")));
        Assert.Equal("Public-security filing follow-up", book.Worksheet("Cover").Cell(1, 1).GetString());
    }

    [Fact]
    public async Task A_build_that_cannot_be_made_is_marked_failed_with_its_error_and_has_no_file()
    {
        var id = Guid.NewGuid();
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            await db.ExecuteAsync(
                """
                insert into report_builds (id, kind, parameters, status, requested_by, requested_at)
                values (@id, 'sla', '{"from": "last spring"}', 'queued', 'management', now())
                """, new { id });
        }

        _app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReportBuildJob>(job => job.RunAsync(id, CancellationToken.None));

        var management = await _app.SignedInAs("management");
        var build = await Archive.FinishedAsync(management, id.ToString());
        Assert.Equal("failed", build["status"]!.GetValue<string>());
        Assert.Contains("from", build["error"]!.GetValue<string>());
        Assert.Null(build["fileUrl"]);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync($"/api/reports/builds/{id}/file")).StatusCode);
    }

    [Fact]
    public async Task Bad_parameters_are_field_errors_in_the_asked_language_and_store_nothing()
    {
        var admin = await _app.SignedInAs("admin");
        await using var db = await TestApp.OpenDatabaseAsync();
        var before = await db.ExecuteScalarAsync<int>("select count(*) from report_builds where requested_by = 'admin'");

        var problem = await admin.PostJsonAsync("/api/reports/builds", new JsonObject
        {
            ["kind"] = "sla", ["from"] = "2024-05-01", ["to"] = "2024-04-01", ["province"] = "999999", ["team"] = "nobody", ["lang"] = "fr",
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["report-period-order"], problem.ErrorCodes()["to"]);
        Assert.Equal(["province-unknown"], problem.ErrorCodes()["province"]);
        Assert.Equal(["invalid-choice"], problem.ErrorCodes()["team"]);
        Assert.Equal(["invalid-choice"], problem.ErrorCodes()["lang"]);
        Assert.Equal("结束日期不能早于开始日期", problem["errors"]!["to"]![0]!.GetValue<string>());

        var english = await admin.PostJsonAsync("/api/reports/builds?lang=en", new JsonObject { ["kind"] = "sla", ["from"] = "May 1st" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Write the date as yyyy-MM-dd, e.g. 2025-10-01", english["errors"]!["from"]![0]!.GetValue<string>());
        Assert.Equal(["required"], english.ErrorCodes()["to"]);

        var unknown = await admin.PostJsonAsync("/api/reports/builds", new JsonObject { ["kind"] = "payroll" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["invalid-choice"], unknown.ErrorCodes()["kind"]);

        Assert.Equal(before, await db.ExecuteScalarAsync<int>("select count(*) from report_builds where requested_by = 'admin'"));
    }

    [Fact]
    public async Task A_period_field_that_is_not_the_reports_or_not_a_date_is_refused_and_nothing_is_queued()
    {
        var management = await _app.SignedInAs("management");
        await using var db = await TestApp.OpenDatabaseAsync();
        const string Queued = "select (select count(*) from report_builds) + (select count(*) from hangfire.job where invocationdata::text like '%ReportBuildJob%')";
        var before = await db.ExecuteScalarAsync<long>(Queued);

        // A public-security build reads its as-of day only: a from it would drop unread, or one that is no date, is the field's error.
        var notADay = await management.PostJsonAsync("/api/reports/builds", new JsonObject
        {
            ["kind"] = "public-security", ["asOf"] = "2024-02-29", ["from"] = "2025-02-30",
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["report-filter-unsupported"], notADay.ErrorCodes()["from"]);
        var asOf = await management.PostJsonAsync("/api/reports/builds", new JsonObject
        {
            ["kind"] = "sla", ["from"] = "2024-02-01", ["to"] = "2024-02-29", ["asOf"] = "yesterday",
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["report-filter-unsupported"], asOf.ErrorCodes()["asOf"]);
        foreach (var from in new[] { "2025-02-30", "2025-2-01", "２０２５-02-01", "1999-12-31", "2025-02-01T00:00" })
        {
            var problem = await management.PostJsonAsync("/api/reports/builds", new JsonObject { ["kind"] = "sla", ["from"] = from, ["to"] = "2025-02-28" })
                .ExpectAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.ErrorCodes().ContainsKey("from"), from);
        }

        Assert.Equal(before, await db.ExecuteScalarAsync<long>(Queued));

        // What the API does take builds, at both ends of the dates it takes.
        foreach (var (kind, from, to) in new[] { ("sla", "2000-01-01", "2000-01-31"), ("bureau-results", " 2099-12-01", "2099-12-31 ") })
        {
            var requested = await management.PostJsonAsync("/api/reports/builds", new JsonObject { ["kind"] = kind, ["from"] = from, ["to"] = to })
                .ExpectAsync(HttpStatusCode.Created);
            var build = await Archive.FinishedAsync(management, requested["id"]!.GetValue<string>());
            Assert.True(build["status"]!.GetValue<string>() == "done", build.ToJsonString());
        }
    }

    [Fact]
    public async Task Reviewers_are_refused_the_builds_and_the_subscriptions()
    {
        var reviewer = await _app.SignedInAs("reviewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostJsonAsync("/api/reports/builds", new JsonObject { ["kind"] = "sla" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/reports/builds")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/api/reports/builds/{Guid.NewGuid()}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/reports/subscriptions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostJsonAsync("/api/reports/subscriptions", new JsonObject())).StatusCode);
    }
}
