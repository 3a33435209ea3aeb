using System.Security.Cryptography;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Operations;

/// <summary>
/// Log lines about an order carry its number; ID numbers and mobiles never reach the logs. (The
/// bureau submission and notification jobs may run on any server of the cluster, so their lines are
/// checked by bench/faults.sh on the app's own console log; the host's "request starting" line comes
/// before any middleware and names the order by its path.)
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class OrderLogTests
{
    [Fact]
    public async Task Lines_about_an_order_carry_its_number_and_no_personal_data()
    {
        var logs = new LogCapture();
        using var app = new TestApp(testMode: true, logs);
        var body = Orders.Enterprise();
        var mobile = "139" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999);
        body["subject"]!["principal"]!["mobile"] = mobile;
        var idNumber = body["subject"]!["principal"]!["certificateNumber"]!.GetValue<string>();
        var flow = await Flow.SubmittedAsync(app, body);
        await flow.ToBureauReviewAsync();
        await flow.BureauAsync("approved");
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();

        var ours = logs.Lines.Where(l => l.Scope.TryGetValue("OrderId", out var id) && id?.ToString() == flow.Id).ToList();
        Assert.All(ours, l => Assert.Equal(orderNumber, l.Scope["OrderNumber"]));
        Assert.Contains(ours, l => l.Category.EndsWith("EndpointMiddleware", StringComparison.Ordinal) && l.Message.Contains("/api/filings/{id:guid}", StringComparison.Ordinal));
        Assert.Contains(ours, l => l.Category.EndsWith("EndpointMiddleware", StringComparison.Ordinal) && l.Message.Contains("/api/tasks/{id:guid}/complete", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(flow.Id, StringComparison.Ordinal) && !l.Scope.ContainsKey("OrderNumber")
            && !l.Category.StartsWith("Hangfire", StringComparison.Ordinal) && !l.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.All.Contains(mobile, StringComparison.Ordinal) || l.All.Contains(idNumber, StringComparison.Ordinal));
    }
}
