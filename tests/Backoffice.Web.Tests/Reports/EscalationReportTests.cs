using Backoffice.Reports;
using ClosedXML.Excel;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The SLA workbook's escalations in Liaoning (210000), June 2024: tasks the SLA sweep escalated to their leads in
/// the period, per team and stage and one by one, recomputed from review_tasks with the test's own SQL.
/// </summary>
public sealed class EscalationReportTests
{
    private const string Province = "210000";
    private const string OrderUrl = "https://backoffice.example.cn/orders";

    private static ReportParameters Parameters(bool english) => new()
    {
        From = new DateOnly(2024, 6, 1), To = new DateOnly(2024, 6, 30), Province = Province, English = english,
        GeneratedBy = "management", GeneratedAt = China(2024, 7, 2, 9), OrderUrl = OrderUrl,
    };

    [Fact]
    public async Task Escalated_tasks_per_team_and_stage_and_their_orders_match_the_databases_count()
    {
        var orders = await SeedAsync();

        var bytes = await ReadableWorkbookTests.BuildAsync(Report.Sla, Parameters(false));
        await ReadableWorkbookTests.SaveForReadingAsync("sla-escalations", bytes);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        }

        using var book = new XLWorkbook(new MemoryStream(bytes));
        await using var db = await Support.TestApp.OpenDatabaseAsync();
        var expected = (await db.QueryAsync<(string Team, long Escalated, long Orders, long Done, long Open, long Cancelled)>(
            """
            select t.team, count(*), count(distinct t.order_id), count(*) filter (where t.status = 'done'),
                   count(*) filter (where t.status = 'open'), count(*) filter (where t.status = 'cancelled')
            from review_tasks t join filing_orders o on o.id = t.order_id
            where o.province = @Province and t.escalated_at >= '2024-05-31 16:00Z' and t.escalated_at < '2024-06-30 16:00Z'
            group by t.team
            """, new { Province })).ToDictionary(r => r.Team);
        Assert.Equal(2, expected.Count);
        var teams = new Dictionary<string, (string Team, string Stage)>
        {
            ["initial-review"] = ("初审组", "初审"), ["verification"] = ("核验组", "核验"), ["second-review"] = ("复审组", "复审"),
        };

        var sheet = book.Worksheet("超时升级");
        Assert.Equal(expected.Count + 1, sheet.DataRows().Count);
        foreach (var (team, e) in expected)
        {
            var row = sheet.Row(teams[team].Team, teams[team].Stage);
            Assert.Equal([e.Escalated, e.Orders, e.Done, e.Open, e.Cancelled], Enumerable.Range(3, 5).Select(c => (long)row.Cell(c).GetDouble()));
        }

        var total = sheet.Row("合计");
        Assert.Equal(expected.Values.Sum(e => e.Escalated), (long)total.Cell(3).GetDouble());
        Workbooks.AssertTable(sheet);

        var listed = (await db.QueryAsync<(Guid Order, string Number, string Team, string? Assignee)>(
            """
            select o.id, o.order_number, t.team, coalesce(t.completed_by, t.assignee)
            from review_tasks t join filing_orders o on o.id = t.order_id
            where o.province = @Province and t.escalated_at >= '2024-05-31 16:00Z' and t.escalated_at < '2024-06-30 16:00Z'
            order by t.escalated_at, o.order_number
            """, new { Province })).ToList();
        var list = book.Worksheet("升级明细").DataRows();
        Assert.Equal(listed.Select(l => l.Number), list.Select(r => r.Cell(1).Text()));
        Assert.Equal(listed.Select(l => teams[l.Team].Team), list.Select(r => r.Cell(4).GetString()));
        Assert.Equal(listed.Select(l => l.Assignee is null ? "（未领取）" : "赵组员"), list.Select(r => r.Cell(6).GetString()));
        Assert.All(list.Zip(listed), x => Assert.Equal($"HYPERLINK(\"{OrderUrl}/{x.Second.Order}\",\"{x.Second.Number}\")", x.First.Cell(1).FormulaA1));
        Assert.Empty(orders.Outside.Intersect(list.Select(r => r.Cell(1).Text())));
        Workbooks.AssertTable(book.Worksheet("升级明细"));
    }

    [Fact]
    public async Task The_english_workbook_names_teams_stages_and_states_in_english()
    {
        await SeedAsync();

        using var book = await Workbooks.BuildAsync(Report.Sla, Parameters(true));

        Assert.Contains(book.Worksheet("Escalations").DataRows(), r => r.Cell(1).GetString() == "Initial review team" && r.Cell(2).GetString() == "Initial review");
        var states = book.Worksheet("Escalated tasks").DataRows().Select(r => r.Cell(11).GetString()).ToHashSet();
        Assert.Subset(new HashSet<string> { "Open", "Done", "Cancelled" }, states);
        Assert.DoesNotContain(book.Worksheet("Escalated tasks").CellsUsed(), c => c.GetString() is "initial-review" or "open" or "done");
    }

    /// <summary>
    /// Escalated in June: two initial reviews of one order (one done, one cancelled), a claimed verification still open and
    /// an unclaimed one done; not counted: one escalated in May, one never escalated, one in another province.
    /// </summary>
    private static async Task<(string[] Inside, string[] Outside)> SeedAsync()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        await db.ExecuteAsync(
            "insert into users (username, display_name, password_hash, roles) values ('lead-210000', '赵组员', 'x', '{reviewer}') on conflict (username) do nothing");
        var a = await data.OrderAsync(Province, China(2024, 6, 3, 9));
        var b = await data.OrderAsync(Province, China(2024, 6, 3, 9));
        var c = await data.OrderAsync(Province, China(2024, 5, 20, 9));
        var elsewhere = await data.OrderAsync("230000", China(2024, 6, 3, 9));
        async Task Task((Guid Order, Guid Instance, string Number) order, string team, string? assignee, string status, DateTimeOffset? escalated)
        {
            await data.TaskAsync(order, team, assignee, China(2024, 6, 3, 10), China(2024, 6, 4, 10),
                status == "done" ? China(2024, 6, 7, 10) : null, status);
            if (escalated is not null)
            {
                await db.ExecuteAsync(
                    "update review_tasks set escalated_at = @escalated where id = (select id from review_tasks where order_id = @Order and escalated_at is null order by id desc limit 1)",
                    new { escalated, order.Order });
            }
        }

        await Task(a, "initial-review", "lead-210000", "done", China(2024, 6, 4, 12));
        await Task(a, "initial-review", "lead-210000", "cancelled", China(2024, 6, 5, 12));
        await Task(b, "verification", "lead-210000", "open", China(2024, 6, 30, 23, 30));
        await Task(b, "verification", null, "done", China(2024, 6, 6, 12));
        await Task(c, "second-review", null, "open", China(2024, 5, 31, 23));
        await Task(c, "second-review", null, "open", null);
        await Task(elsewhere, "initial-review", null, "open", China(2024, 6, 4, 12));
        return ([a.Number, b.Number], [c.Number, elsewhere.Number]);
    }
}
