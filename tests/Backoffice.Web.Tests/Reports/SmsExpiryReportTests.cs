using System.Globalization;
using System.Net;
using Backoffice.Web.Tests.Support;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Reports;

/// <summary>An SMS window that closes unverified is the bureau's return 短信核验超时, in the bureau-results workbook as in the workflow.</summary>
[Collection(ClockCollection.Name)]
public sealed class SmsExpiryReportTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task An_sms_window_closed_by_the_clock_is_a_bureau_return_with_its_reason()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToSmsVerificationAsync();

        await Flow.AdvanceClockAsync(_app, 25);

        Assert.Equal("bureau-rejected", await flow.StatusAsync());
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            Assert.Equal(("sms-expired", true), await db.QuerySingleAsync<(string, bool)>(
                "select kind, applied from bureau_events where order_id = @id", new { id = Guid.Parse(flow.Id) }));
        }

        var today = TimeZoneInfo.ConvertTime(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var from = today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var management = await _app.SignedInAs("management");
        using var response = await management.GetAsync($"/api/reports/bureau-results.xlsx?from={from}&to={to}&province=440000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());

        var row = book.Worksheet("明细").Row(orderNumber);
        Assert.Equal("短信核验超时", row.Cell(7).GetString());
        Assert.Equal("短信核验超时", row.Cell(10).GetString());
        Assert.Contains(book.Worksheet("退回原因排名").DataRows(), r => r.Cell(2).GetString() == "短信核验超时");
    }
}
