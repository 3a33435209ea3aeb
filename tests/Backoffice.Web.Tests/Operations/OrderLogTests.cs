using System.Security.Cryptography;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Timers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Operations;

/// <summary>
/// Log lines about an order carry its number; ID numbers and mobiles never reach the logs. (The
/// bureau submission and notification jobs may run on any server of the cluster, so their lines are
/// checked by bench/faults.sh on the app's own console log; the host's "request starting" line comes
/// before any middleware and names the order by its path.) A timer fired by its Hangfire job and a
/// workflow stopped on a fault log in the order's scope too.
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

    [Fact]
    public async Task A_timer_fired_by_its_job_logs_in_its_order_scope()
    {
        var logs = new LogCapture();
        using var app = new TestApp(testMode: true, logs);
        var flow = await Flow.SubmittedAsync(app);
        await flow.ToSmsVerificationAsync();
        var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
        await using var db = await TestApp.OpenDatabaseAsync();
        // The SMS window's timer made due without moving the shared clock, then fired by its job as Hangfire runs it.
        var bookmark = await db.QuerySingleAsync<Guid>(
            """
            update workflow_bookmarks b set due_at = now() - interval '1 hour' from workflow_instances i
            where i.id = b.instance_id and i.order_id = @id::uuid and b.event_name = 'sms-verified' returning b.id
            """, new { id = flow.Id });

        await app.Services.GetRequiredService<TimerJob>().RunAsync(bookmark, Guid.Parse(flow.Id), CancellationToken.None);

        Assert.Equal("bureau-rejected", await flow.StatusAsync());
        var fired = Assert.Single(logs.Lines, l => l.Category == typeof(TimerSweep).FullName && l.Message.Contains(bookmark.ToString(), StringComparison.Ordinal));
        Assert.Equal(orderNumber, fired.Scope["OrderNumber"]);
        Assert.Equal(flow.Id, fired.Scope["OrderId"]?.ToString());
    }

    [Fact]
    public async Task A_workflow_fault_is_logged_in_its_order_scope()
    {
        var logs = new LogCapture();
        using var app = new TestApp(testMode: true, logs);
        var definitions = await Definitions.ForAsync(app, "deregister-website");
        var original = await definitions.PublishedAsync();
        try
        {
            await definitions.RepublishAsync(Definitions.WithDecisionBeforeSubmit(original, "order.websites[5].name.length > 0"));
            var flow = await Flow.OnFiledWebsiteAsync(app, "deregister-website");
            await flow.CompleteAsync("approve");

            var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
            var fault = Assert.Single(logs.Lines, l => l.Category == typeof(Backoffice.Workflows.Steps.WorkflowEngine).FullName
                && l.Message.Contains("faulted at check-sites", StringComparison.Ordinal) && l.Scope.TryGetValue("OrderId", out var id) && id?.ToString() == flow.Id);
            Assert.Equal(orderNumber, fault.Scope["OrderNumber"]);
        }
        finally
        {
            await definitions.RepublishAsync(original);
        }
    }
}
