using Microsoft.Playwright;

namespace Backoffice.Web.Tests.Browser;

/// <summary>
/// The test browser is set up as the staff's browsers are (Chinese, China time), so that what the browser draws
/// itself, a date input's fields, reads in the screenshots as users see it.
/// </summary>
public sealed class UsersLocaleTests
{
    [Fact]
    public async Task Date_inputs_read_year_month_day_in_Chinese_and_times_are_China_time()
    {
        await using var session = await Browser.SignedInAsync("management");
        var page = session.Page;
        await page.GotoAsync("/dashboard");
        var seen = await page.EvaluateAsync<string[]>(
            "() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone, new Date(Date.UTC(2026, 11, 7, 16, 30)).toLocaleString()]");
        Assert.Equal(["zh-CN", "Asia/Shanghai", "2026/12/8 00:30:00"], seen);

        var fields = await DateFieldsAsync(page);
        await page.ScreenshotAsync("dashboard-date-inputs");
        Assert.True(fields.Count >= 3, string.Join(" | ", fields));
        Assert.Equal(["年", "月", "日"], fields.Take(3).Select(f => f.Split(' ')[0]));
    }

    /// <summary>
    /// The names of the fields Chromium draws inside the page's date inputs, in its accessibility tree: "年 年", "月 月",
    /// "日 日" in Chinese, "Month mm", "Day dd", "Year yyyy" in American English.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DateFieldsAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = (await cdp.SendAsync("Accessibility.getFullAXTree"))!.Value;
        return tree.GetProperty("nodes").EnumerateArray()
            .Where(n => n.TryGetProperty("role", out var role) && role.GetProperty("value").GetString() == "spinbutton")
            .Select(n => n.TryGetProperty("name", out var name) ? name.GetProperty("value").GetString() ?? "" : "")
            .ToList();
    }
}
