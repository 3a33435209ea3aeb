using System.Text.Json;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

[Collection(ClockCollection.Name)]
public sealed class SlaEscalationTests
{
    [Fact]
    public async Task Breached_task_is_escalated_once_to_the_active_team_leads_mailed_to_their_address_and_shown_on_the_board()
    {
        var withoutEmail = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], "initial-review");
        var deactivated = await StaffPages.NewAccountAsync(["team-lead", "reviewer"], "initial-review");
        try
        {
            await using (var setup = await TestApp.OpenDatabaseAsync())
            {
                await setup.ExecuteAsync("update users set active = false, email = 'gone@example.com' where username = @deactivated", new { deactivated });
            }

            var flow = await Flow.SubmittedAsync(TestApp.Instance);

            await Flow.AdvanceClockAsync(TestApp.Instance, 7 * 24);
            await Flow.AdvanceClockAsync(TestApp.Instance, 24);

            var task = await flow.OpenTaskAsync();
            Assert.True(task["overdue"]!.GetValue<bool>());
            await using var db = await TestApp.OpenDatabaseAsync();
            var recipients = (await db.QueryAsync<string>(
                "select channel || ':' || recipient from outbox_messages where order_id = @id and template = 'sla-escalation' order by 1",
                new { id = Guid.Parse(flow.Id) })).ToList();
            Assert.Equal(["email:lead@example.com"], recipients.Where(r => r.StartsWith("email:", StringComparison.Ordinal)));
            var notified = recipients.Where(r => r.StartsWith("staff:", StringComparison.Ordinal)).ToList();
            Assert.Contains("staff:lead", notified);
            Assert.Contains($"staff:{withoutEmail}", notified);
            Assert.DoesNotContain($"staff:{deactivated}", notified);

            var mails = await SideEffects.DeliveredAsync(
                "select recipient, sent_at from outbox_messages where order_id = @id and template = 'sla-escalation' and channel = 'email'",
                new { id = Guid.Parse(flow.Id) });
            var mail = Assert.Single(mails);
            Assert.NotNull(mail.SentAt);
            Assert.Equal(1, await db.ExecuteScalarAsync<int>(
                """
                select count(*) from hangfire.job j join outbox_messages m on j.arguments::text like '%' || m.id || '%'
                where m.order_id = @id and m.template = 'sla-escalation' and j.invocationdata->>'Type' like '%NotificationJob%'
                """, new { id = Guid.Parse(flow.Id) }));
            var audit = await db.QuerySingleAsync<string>(
                "select details::text from audit_log where action = 'task-escalated' and entity_id = @id",
                new { id = task["id"]!.GetValue<string>() });
            var details = JsonDocument.Parse(audit).RootElement;
            Assert.Equal(notified.Count, details.GetProperty("leads").GetInt32());
            Assert.Equal(1, details.GetProperty("mailed").GetInt32());
            Assert.Contains(withoutEmail, details.GetProperty("leadsWithoutEmail").EnumerateArray().Select(e => e.GetString()));

            var orderNumber = (await flow.GetAsync())["orderNumber"]!.GetValue<string>();
            await using var session = await Browser.Browser.SignedInAsync("lead");
            var page = session.Page;
            await page.ClickAsync("[data-testid=unread-notices]");
            Assert.Contains(orderNumber, await page.TextContentAsync("main"));
            await page.ClickAsync("text=全部标为已读");
            await page.WaitForSelectorAsync("h1");
            Assert.Equal(0, await page.Locator("[data-testid=unread-notices]").CountAsync());
        }
        finally
        {
            await using var db = await TestApp.OpenDatabaseAsync();
            await db.ExecuteAsync(
                "delete from team_members where user_id in (select id from users where username = any(@names))", new { names = new[] { withoutEmail, deactivated } });
        }
    }
}
