using Backoffice.Reports;
using ClosedXML.Excel;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// The public-security workbook's follow-ups to act on as of 2024-06-30 in Jilin (220000): not reported and due within
/// the next 7 days, or overdue, each with its order's owner team and owner, recomputed with the test's own SQL and checked
/// against the days worked out by hand. "Due" is the filing deadline, the 30th day after approval (公安备案 within 30 days
/// of opening), not the day-20 reminder, which the workflow sends by itself; the sheet and the cover say so.
/// </summary>
public sealed class PublicSecurityDueTests
{
    private const string Province = "220000";
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    [Fact]
    public async Task Due_within_seven_days_and_overdue_follow_ups_are_listed_with_their_owner_team_as_the_database_says()
    {
        var seeded = await SeedAsync();
        var parameters = new ReportParameters
        {
            From = AsOf, To = AsOf, Province = Province, GeneratedBy = "management", GeneratedAt = China(2024, 7, 1, 9),
            OrderUrl = "https://backoffice.example.cn/orders",
        };

        var bytes = await ReadableWorkbookTests.BuildAsync(Report.PublicSecurity, parameters);
        await ReadableWorkbookTests.SaveForReadingAsync("public-security-due", bytes);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        }

        using var book = new XLWorkbook(new MemoryStream(bytes));
        await using var db = await Support.TestApp.OpenDatabaseAsync();
        var expected = (await db.QueryAsync<(string Number, DateTime Deadline, int Left, string? Team, string? Owner)>(
            """
            select o.order_number, d.deadline, d.deadline - @asOf::date as left_days, w.team, u.display_name
            from workflow_instances i join filing_orders o on o.id = i.order_id
            cross join lateral (select (i.created_at at time zone 'Asia/Shanghai')::date + 30 as deadline) d
            left join lateral (select t.team, coalesce(t.completed_by, t.assignee) as owner from review_tasks t
                               where t.order_id = o.id and t.status <> 'cancelled' order by t.created_at desc limit 1) w on true
            left join users u on u.username = w.owner
            where i.definition_id = 'public-security-follow-up' and o.province = @Province
              and i.created_at < '2024-06-30 16:00Z'
              and not exists (select 1 from audit_log a where a.entity_id = o.order_number and a.action = 'public-security-reported'
                              and a.at < '2024-06-30 16:00Z')
              and d.deadline <= @asOf::date + 7
            """, new { asOf = AsOf.ToDateTime(TimeOnly.MinValue), Province })).ToDictionary(r => r.Number);
        Assert.Equal(seeded.Listed.Order(StringComparer.Ordinal), expected.Keys.Order(StringComparer.Ordinal));

        var detail = book.Worksheet("到期与逾期明细");
        Assert.Equal("公安备案截止日（批准后30天）", detail.Cell(3, 5).GetString());
        Assert.Equal("第20天提醒发送时间", detail.Cell(3, 8).GetString());
        Assert.Contains(book.Worksheet("封面").RowsUsed(), r => r.Cell(1).GetString() == "到期"
            && r.Cell(2).GetString().StartsWith("批准后第30天为公安备案截止日", StringComparison.Ordinal));
        var rows = detail.DataRows().ToDictionary(r => r.Cell(1).Text());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        var teams = new Dictionary<string, string> { ["initial-review"] = "初审组", ["second-review"] = "复审组" };
        foreach (var (number, e) in expected)
        {
            var row = rows[number];
            var overdue = e.Left < 0;
            Assert.Equal(e.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.Cell(5).GetString());
            Assert.Equal(overdue ? "" : $"{e.Left}", row.Cell(6).GetString());
            Assert.Equal(overdue ? $"{-e.Left}" : "", row.Cell(7).GetString());
            Assert.Equal(e.Team is null ? "（无审核任务）" : teams[e.Team], row.Cell(9).GetString());
            Assert.Equal(e.Owner ?? "", row.Cell(10).GetString());
            Assert.Equal(overdue ? "逾期" : "7天内到期", row.Cell(11).GetString());
        }

        // By hand: approved 23 days before the as-of day, its deadline is 2024-07-07, 7 days ahead; 31 days before, 1 day overdue.
        Assert.Contains(expected.Values, e => e.Deadline == new DateTime(2024, 7, 7) && e.Left == 7);
        Assert.Contains(expected.Values, e => e.Deadline == new DateTime(2024, 6, 29) && e.Left == -1);

        var byTeam = book.Worksheet("到期与逾期（按处理组）");
        foreach (var team in expected.Values.GroupBy(e => e.Team is null ? "（无审核任务）" : teams[e.Team]))
        {
            var row = byTeam.Row(team.Key);
            Assert.Equal(team.Count(e => e.Left >= 0), row.Cell(2).GetDouble());
            Assert.Equal(team.Count(e => e.Left < 0), row.Cell(3).GetDouble());
        }

        Assert.Equal(expected.Count, byTeam.Row("合计").Cell(4).GetDouble());
        Workbooks.AssertTable(byTeam);
        Workbooks.AssertTable(detail);
    }

    /// <summary>
    /// Approved 22, 23, 30, 31 and 45 days before the as-of day, one 45 days before and reported by then, one 31 days before
    /// and reported the day after: listed are 23 and 30 (due soon), 31, 45 and the late report (overdue).
    /// </summary>
    private static async Task<(string[] Listed, string[] NotListed)> SeedAsync()
    {
        var data = await OpenAsync();
        await using var db = data.Db;
        await db.ExecuteAsync(
            "insert into users (username, display_name, password_hash, roles) values ('reviewer-220000', '钱审核', 'x', '{reviewer}') on conflict (username) do nothing");
        var listed = new List<string>();
        var notListed = new List<string>();
        foreach (var (days, reportedAfter, tasks) in new (int, int?, string[])[]
        {
            (22, null, []), (23, null, ["initial-review"]), (30, null, ["initial-review", "second-review"]), (31, null, []),
            (45, null, ["second-review"]), (45, -3, ["initial-review"]), (31, 1, ["initial-review"]),
        })
        {
            var approved = China(2024, 6, 30, 10).AddDays(-days);
            var order = await data.OrderAsync(Province, approved.AddDays(-20));
            foreach (var (team, i) in tasks.Select((t, i) => (t, i)))
            {
                await data.TaskAsync(order, team, "reviewer-220000", approved.AddDays(-10 + i), approved.AddDays(-9 + i), approved.AddDays(-9 + i));
            }

            await data.InstanceAsync(order.Order, "public-security-follow-up", approved);
            if (reportedAfter is { } after)
            {
                await data.ReportedAsync(order.Number, China(2024, 6, 30, 10).AddDays(after));
            }

            (days >= 23 && reportedAfter is not < 0 ? listed : notListed).Add(order.Number);
        }

        return ([.. listed], [.. notListed]);
    }
}
