using System.Net;
using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Staff;

/// <summary>Each tab's count is the number of rows that tab shows under the filters in force.</summary>
public sealed partial class InboxCountsTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Tab_counts_follow_filing_type_province_step_and_due_filters()
    {
        var reviewer = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var flow = await Flow.SubmittedAsync(_app);
        var task = await flow.OpenTaskAsync(reviewer);
        var step = task["step"]!.GetValue<string>();
        var order = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        var api = await _app.SignedInAs(reviewer);
        await api.PostEmptyAsync($"/api/tasks/{task["id"]}/claim").ExpectAsync(HttpStatusCode.OK);
        var pages = await StaffPages.SignedInAsync(_app, reviewer);

        Assert.Equal(1, (await CountsAsync(pages, ""))["mine"]);
        Assert.Equal(1, (await CountsAsync(pages, $"&step={Uri.EscapeDataString(step)}&province=440000&filingType=new-filing"))["mine"]);
        Assert.Equal(0, (await CountsAsync(pages, "&step=Other"))["mine"]);
        Assert.Equal(0, (await CountsAsync(pages, "&due=overdue"))["mine"]);
        Assert.Equal(0, (await CountsAsync(pages, "&province=110000"))["mine"]);
        Assert.Equal(0, (await CountsAsync(pages, "&filingType=change-website"))["mine"]);

        Assert.Equal(new Dictionary<string, int> { ["mine"] = 1, ["team"] = 1, ["overdue"] = 0, ["done"] = 0 }, await CountsAsync(pages, $"&order={order}"));
        Assert.Equal(new Dictionary<string, int> { ["mine"] = 0, ["team"] = 0, ["overdue"] = 0, ["done"] = 0 }, await CountsAsync(pages, $"&order={order}&province=110000"));

        await api.PostJsonAsync($"/api/tasks/{task["id"]}/complete", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "approve" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await CountsAsync(pages, "&filingType=new-filing"))["done"]);
        Assert.Equal(0, (await CountsAsync(pages, "&filingType=change-website"))["done"]);

        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync("update filing_orders set province = '110000' where id = @id", new { id = Guid.Parse(flow.Id) });
        Assert.Equal(1, (await CountsAsync(pages, "&province=110000"))["done"]);
        Assert.Equal(0, (await CountsAsync(pages, "&province=440000"))["done"]);
    }

    [Fact]
    public async Task Each_tab_count_is_the_number_of_rows_the_tab_shows()
    {
        var reviewer = await StaffPages.NewAccountAsync(["reviewer"], "initial-review");
        var flows = new[] { await Flow.SubmittedAsync(_app), await Flow.SubmittedAsync(_app) };
        var api = await _app.SignedInAs(reviewer);
        foreach (var flow in flows)
        {
            await api.PostEmptyAsync($"/api/tasks/{(await flow.OpenTaskAsync(reviewer))["id"]}/claim").ExpectAsync(HttpStatusCode.OK);
        }

        var pages = await StaffPages.SignedInAsync(_app, reviewer);
        foreach (var filter in new[] { "", "&province=440000", "&province=110000", "&filingType=new-filing&due=week", "&due=overdue" })
        {
            var counts = await CountsAsync(pages, filter);
            var rows = RowCount(await pages.GetStringAsync($"/inbox?tab=mine{filter}"));
            Assert.True(counts["mine"] == rows, $"{filter}: count {counts["mine"]}, rows {rows}");
        }
    }

    /// <summary>The four tab counts of /inbox with <paramref name="filters"/> (a query string starting with &amp;).</summary>
    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient pages, string filters)
    {
        var html = await pages.GetStringAsync($"/inbox?tab=mine{filters}");
        return TabCount().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int RowCount(string html) => Regex.Count(html, "data-testid=\"task-row\"");

    [GeneratedRegex("data-testid=\"count-(\\w+)\">(\\d+)<")]
    private static partial Regex TabCount();
}
