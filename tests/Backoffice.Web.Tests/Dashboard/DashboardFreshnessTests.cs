using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Reports;
using Backoffice.Web.Tests.Reports;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Scheduling;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Dashboard;

/// <summary>
/// The dashboard reads figures kept per order and summed per day: after a late event in a day already computed, a
/// province change, removed rows, and a calendar edit that moves a deadline, its figures still equal the workbooks'
/// cells for the period. Run alone, since a
/// calendar edit changes every report's working time. Data in June, July and August 2026, which no other test uses.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class DashboardFreshnessTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_late_event_in_a_past_day_is_counted_on_the_next_reading()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        var order = await data.OrderAsync("640000", China(2026, 6, 1, 9));
        await data.StatusAsync(order.Order, "submitted", China(2026, 6, 1, 10));
        await data.TaskAsync(order, "initial-review", null, China(2026, 6, 2, 10), China(2026, 6, 3, 10), null, "open");
        await data.SubmissionAsync(order.Order, 1, China(2026, 6, 4, 10), China(2026, 6, 4, 11));
        using var client = await _app.SignedInAs("management");
        const string Period = "from=2026-06-01&to=2026-06-14";
        var before = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);
        await AssertEqualsWorkbooksAsync(before, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 14));
        Assert.Equal((0, 1), (Stage(before, "initial-review")["done"]!.GetValue<int>(), Stage(before, "initial-review")["open"]!.GetValue<int>()));
        Assert.Equal(0, Province(before, "640000")["approved"]!.GetValue<int>());

        // Days later: the task is done (on time), the bureau's approval of the 4 June submission and the order's approval arrive.
        await db.ExecuteAsync(
            "update review_tasks set status = 'done', completed_at = @at, completed_by = 'carol', outcome = 'approve' where order_id = @order",
            new { at = China(2026, 6, 3, 9), order = order.Order });
        await data.BureauEventAsync(order.Order, "approved", China(2026, 6, 9, 10));
        await data.StatusAsync(order.Order, "approved", China(2026, 6, 9, 10));

        var after = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);
        await AssertEqualsWorkbooksAsync(after, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 14));
        Assert.Equal((1, 1, 0), (Stage(after, "initial-review")["done"]!.GetValue<int>(), Stage(after, "initial-review")["doneWithinSla"]!.GetValue<int>(),
            Stage(after, "initial-review")["open"]!.GetValue<int>()));
        Assert.Equal(1, Province(after, "640000")["approved"]!.GetValue<int>());
        Assert.Equal(1, after["weeks"]!.AsArray().Single(w => w!["monday"]!.GetValue<string>() == "2026-06-08")!["out"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_province_change_and_removed_rows_are_counted_on_the_next_reading()
    {
        // August 2026: one order approved by the bureau in 青海, another submitted there with its review task.
        var data = await OpenAsync();
        await using var db = data.Db;
        var moved = await data.OrderAsync("630000", China(2026, 8, 3, 9));
        await data.StatusAsync(moved.Order, "submitted", China(2026, 8, 3, 10));
        await data.TaskAsync(moved, "initial-review", "carol", China(2026, 8, 3, 11), China(2026, 8, 4, 11), China(2026, 8, 4, 9));
        await data.SubmissionAsync(moved.Order, 1, China(2026, 8, 4, 10), China(2026, 8, 4, 11));
        await data.BureauEventAsync(moved.Order, "approved", China(2026, 8, 6, 10));
        var removed = await data.OrderAsync("630000", China(2026, 8, 4, 9));
        await data.TaskAsync(removed, "initial-review", null, China(2026, 8, 4, 11), China(2026, 8, 5, 11), null, "open");
        await data.SubmissionAsync(removed.Order, 1, China(2026, 8, 5, 10), China(2026, 8, 5, 11));
        using var client = await _app.SignedInAs("management");
        const string Period = "from=2026-08-01&to=2026-08-14";
        var before = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);
        await AssertEqualsWorkbooksAsync(before, new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 14));
        Assert.Equal(1, Province(before, "630000")["approved"]!.GetValue<int>());
        Assert.Equal((1, 1), (Stage(before, "initial-review")["done"]!.GetValue<int>(), Stage(before, "initial-review")["open"]!.GetValue<int>()));

        // The first order moves to 甘肃; the second's submission and task are removed.
        await db.ExecuteAsync("update filing_orders set province = '620000' where id = @order", new { order = moved.Order });
        await db.ExecuteAsync("delete from bureau_submissions where order_id = @order", new { order = removed.Order });
        await db.ExecuteAsync("delete from review_tasks where order_id = @order", new { order = removed.Order });

        var after = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);
        await AssertEqualsWorkbooksAsync(after, new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 14));
        Assert.Equal(1, Province(after, "620000")["approved"]!.GetValue<int>());
        Assert.DoesNotContain(after["provinces"]!.AsArray(), p => p!["province"]!.GetValue<string>() == "630000");
        Assert.Equal((1, 0), (Stage(after, "initial-review")["done"]!.GetValue<int>(), Stage(after, "initial-review")["open"]!.GetValue<int>()));
        Assert.Equal(1, Stage(after, "submission")["done"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_calendar_edit_moves_a_deadline_and_the_dashboard_follows_it()
    {
        // Submitted on Thursday 9 July 2026 at 10:00, sent on Friday at 11:00: an hour past the working day it had.
        var data = await OpenAsync();
        await using var db = data.Db;
        var order = await data.OrderAsync("640000", China(2026, 7, 8, 9));
        await data.SubmissionAsync(order.Order, 1, China(2026, 7, 9, 10), China(2026, 7, 10, 11));
        using var client = await _app.SignedInAs("management");
        const string Period = "from=2026-07-06&to=2026-07-19";
        var before = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);
        await AssertEqualsWorkbooksAsync(before, new DateOnly(2026, 7, 6), new DateOnly(2026, 7, 19));
        Assert.Equal((1, 0), (Stage(before, "submission")["done"]!.GetValue<int>(), Stage(before, "submission")["doneWithinSla"]!.GetValue<int>()));

        // Friday becomes a holiday: the deadline moves to Monday 10:00, so the submission was in time.
        var calendars = _app.Services.GetRequiredService<WorkingCalendarStore>();
        await db.ExecuteAsync("insert into calendar_days (day, kind, name) values ('2026-07-10', 'holiday', '看板测试')");
        calendars.Invalidate();
        try
        {
            var after = await client.GetAsync($"/api/dashboard?{Period}").ExpectAsync(HttpStatusCode.OK);
            await AssertEqualsWorkbooksAsync(after, new DateOnly(2026, 7, 6), new DateOnly(2026, 7, 19));
            Assert.Equal((1, 1), (Stage(after, "submission")["done"]!.GetValue<int>(), Stage(after, "submission")["doneWithinSla"]!.GetValue<int>()));
        }
        finally
        {
            await db.ExecuteAsync("delete from calendar_days where day = '2026-07-10'");
            calendars.Invalidate();
        }
    }

    /// <summary>Every stage, province and week of the answer equals the SLA and bureau-results workbooks' cells for the period.</summary>
    internal static async Task AssertEqualsWorkbooksAsync(JsonNode figures, DateOnly from, DateOnly to, string? team = null)
    {
        var parameters = new ReportParameters { From = from, To = to, Team = team, GeneratedBy = "management", GeneratedAt = DateTimeOffset.UtcNow };
        using var sla = await Workbooks.BuildAsync(Report.Sla, parameters);
        var stages = sla.Worksheet("按环节").DataRows().Where(r => r.Cell(1).GetString() != "合计").ToList();
        Assert.Equal(stages.Select(r => r.Cell(1).GetString()), figures["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        foreach (var stage in figures["stages"]!.AsArray())
        {
            var row = stages.Single(r => r.Cell(1).GetString() == stage!["name"]!.GetValue<string>());
            Assert.Equal([Number(row.Cell(3)), Number(row.Cell(4)), Number(row.Cell(5)), Number(row.Cell(9)), Number(row.Cell(10))],
                new[] { "done", "doneWithinSla", "shareWithinSla", "open", "openOverdue" }.Select(k => stage![k]?.GetValue<double>()));
        }

        if (team is not null)
        {
            return;
        }

        var weeks = sla.Worksheet("进出与积压（按周）").DataRows().Where(r => r.Cell(1).GetString() != "合计")
            .Select(r => (r.Cell(1).GetString(), Number(r.Cell(2)), Number(r.Cell(3)), Number(r.Cell(4)))).ToList();
        Assert.Equal(weeks, figures["weeks"]!.AsArray().Select(w => (w!["monday"]!.GetValue<string>(), (double?)w["in"]!.GetValue<double>(),
            (double?)w["out"]!.GetValue<double>(), (double?)w["backlog"]!.GetValue<double>())));
        using var bureau = await Workbooks.BuildAsync(Report.BureauResults, parameters);
        var provinces = bureau.Worksheet("按省份").DataRows().Where(r => r.Cell(1).GetString() != "合计").ToList();
        Assert.Equal(provinces.Select(r => r.Cell(1).GetString()), figures["provinces"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        foreach (var province in figures["provinces"]!.AsArray())
        {
            var row = provinces.Single(r => r.Cell(1).GetString() == province!["name"]!.GetValue<string>());
            Assert.Equal([Number(row.Cell(3)), Number(row.Cell(4)), Number(row.Cell(6))],
                new[] { "approved", "rejected", "approvalRate" }.Select(k => province![k]?.GetValue<double>()));
        }
    }

    private static double? Number(IXLCell cell) => cell.IsEmpty() ? null : cell.GetDouble();

    private static JsonNode Stage(JsonNode figures, string stage) =>
        figures["stages"]!.AsArray().Single(s => s!["stage"]!.GetValue<string>() == stage)!;

    private static JsonNode Province(JsonNode figures, string province) =>
        figures["provinces"]!.AsArray().Single(p => p!["province"]!.GetValue<string>() == province)!;
}
