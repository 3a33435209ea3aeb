using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Registry;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Steps;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// The named writes of a task's decision, of a bureau follow-up's close and of the registry write the same rows
/// whether a step sends them with its COMMIT or they run at once: each is run at once in a transaction rolled back,
/// then in a step, and the rows compared.
/// </summary>
public sealed class EngineWriteBothWaysTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 2, 3, 4, TimeSpan.Zero);

    private delegate Task<string> Read(NpgsqlConnection db, NpgsqlTransaction? transaction);

    [Fact]
    public async Task A_decision_on_a_task_writes_the_same_rows_in_a_step_and_at_once_and_only_while_the_task_is_open()
    {
        var flow = await Flow.SubmittedAsync(TestApp.Instance);
        var taskId = Guid.Parse((await flow.OpenTaskAsync())["id"]!.GetValue<string>());
        await using var db = await TestApp.OpenDatabaseAsync();
        var instanceId = await db.ExecuteScalarAsync<Guid>("select instance_id from review_tasks where id = @taskId", new { taskId });
        EngineWrite[] writes =
        [
            new RecordTaskOutcome(taskId, instanceId, "return", ["material-unclear"], null, "reviewer", At),
            new RecordReviewDecision(taskId, ["核对营业执照"], """[{"path": "subject.name", "reason": "与执照不一致"}]""", """{"subject": {"name": "旧名"}}"""),
        ];
        Read rows = (c, t) => c.ExecuteScalarAsync<string>(new CommandDefinition(
            """
            select jsonb_build_array((select to_jsonb(x) from review_tasks x where x.id = @taskId),
                                     (select to_jsonb(d) from review_decisions d where d.task_id = @taskId))::text
            """, new { taskId }, t))!;

        Assert.Equal(await AtOnceAsync(writes, rows), await InStepAsync(writes, rows));
        var written = await db.QuerySingleAsync<(string Status, string Outcome, string[] Reasons, bool NoComment, string By, DateTimeOffset At, string[] Checklist, string Items)>(
            """
            select t.status, t.outcome, t.reason_codes, t.comment is null, t.completed_by, t.completed_at, d.checklist, d.return_items::text
            from review_tasks t join review_decisions d on d.task_id = t.id where t.id = @taskId
            """, new { taskId });
        Assert.Equal(("done", "return", "reviewer", At), (written.Status, written.Outcome, written.By, written.At));
        Assert.Equal(["material-unclear"], written.Reasons);
        Assert.True(written.NoComment);
        Assert.Equal(["核对营业执照"], written.Checklist);
        Assert.Contains("与执照不一致", written.Items, StringComparison.Ordinal);

        var before = await db.ExecuteScalarAsync<string>(new CommandDefinition("select to_jsonb(t)::text from review_tasks t where id = @taskId", new { taskId }));
        var again = new RecordTaskOutcome(taskId, instanceId, "approve", [], "再次", "reviewer2", At.AddHours(1));
        Assert.Contains(instanceId.ToString(), (await Assert.ThrowsAsync<ConcurrentStepException>(() => again.RunAsync(db, null, CancellationToken.None))).Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.ExecuteScalarAsync<string>(new CommandDefinition("select to_jsonb(t)::text from review_tasks t where id = @taskId", new { taskId })));
    }

    [Fact]
    public async Task Closing_a_bureau_follow_up_writes_the_same_rows_in_a_step_and_at_once_and_audits_it_once()
    {
        var flow = await Flow.SubmittedAsync(TestApp.Instance);
        var orderId = Guid.Parse(flow.Id);
        var actor = $"test-{Guid.NewGuid():N}";
        await using var db = await TestApp.OpenDatabaseAsync();
        var (orderNumber, bookmarkId) = await db.QuerySingleAsync<(string, Guid)>(
            "select o.order_number, t.bookmark_id from filing_orders o join review_tasks t on t.order_id = o.id where o.id = @orderId", new { orderId });
        var followUp = Guid.NewGuid();
        await db.ExecuteAsync(
            """
            insert into bureau_follow_ups (id, order_id, bookmark_id, team, waiting_since, due_at, status, created_at)
            values (@followUp, @orderId, @bookmarkId, 'bureau-liaison', @At, @At, 'open', @At)
            """, new { followUp, orderId, bookmarkId, At });
        EngineWrite[] writes = [new CloseBureauFollowUp(orderId, orderNumber, "approved", actor, At)];
        Read rows = (c, t) => c.ExecuteScalarAsync<string>(new CommandDefinition(
            """
            select jsonb_build_array((select to_jsonb(f) from bureau_follow_ups f where f.id = @followUp),
                                     (select jsonb_agg(to_jsonb(a) - 'id') from audit_log a where a.actor = @actor))::text
            """, new { followUp, actor }, t))!;

        Assert.Equal(await AtOnceAsync(writes, rows), await InStepAsync(writes, rows));
        await InStepAsync(writes, rows);
        Assert.Equal(("closed", actor, "approved"), await db.QuerySingleAsync<(string, string, string)>(
            "select status, closed_by, resolution from bureau_follow_ups where id = @followUp", new { followUp }));
        var audit = Assert.Single(await db.QueryAsync<(string Action, string Entity, string Details)>(
            "select action, entity_id, details::text from audit_log where actor = @actor", new { actor }));
        Assert.Equal(("bureau-follow-up-closed", orderNumber), (audit.Action, audit.Entity));
        Assert.Contains(followUp.ToString(), audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_changes_write_the_same_rows_in_a_step_and_at_once()
    {
        var subject = FilingNumbers.Subject("440000", Random.Shared.NextInt64(10_000_000, 99_999_999));
        var website = FilingNumbers.Website(subject, 1);
        var (domain, other) = ($"r{Guid.NewGuid():N}.cn", $"s{Guid.NewGuid():N}.cn");
        Read rows = (c, t) => c.ExecuteScalarAsync<string>(new CommandDefinition(
            """
            select jsonb_build_array(
                (select jsonb_agg(to_jsonb(s)) from registry_subjects s where s.subject_filing_number = @subject),
                (select jsonb_agg(to_jsonb(n)) from registry_website_numbers n where n.subject_filing_number = @subject),
                (select jsonb_agg(to_jsonb(w)) from registry_websites w where w.subject_filing_number = @subject),
                (select jsonb_agg(to_jsonb(d) order by d.domain) from registry_domains d where d.website_filing_number = @website),
                (select jsonb_agg(to_jsonb(a) order by a.provider) from registry_accesses a where a.website_filing_number = @website))::text
            """, new { subject, website }, t))!;
        EngineWrite[] filed =
        [
            new FileSubject(subject, "uscc", $"91440300{Guid.NewGuid():N}"[..18].ToUpperInvariant(), "深圳市登记测试有限公司", null, "440000", "provider-a"),
            new FileWebsite(website, subject, "登记测试官网", 1),
            new FileDomains(website, [domain]),
            new GrantAccess(website, "provider-a", "instance-ip", "203.0.113.7"),
            new GrantAccess(website, "provider-b", null, null),
            new FileWebsite(website, subject, "另一个名字", null),
        ];
        Assert.Equal(await AtOnceAsync(filed, rows), await InStepAsync(filed, rows));
        var afterFiling = await ReadAsync(rows);
        Assert.Contains(domain, afterFiling, StringComparison.Ordinal);
        Assert.Contains("登记测试官网", afterFiling, StringComparison.Ordinal);
        Assert.DoesNotContain("另一个名字", afterFiling, StringComparison.Ordinal);

        EngineWrite[] changed =
        [
            new RenameSubject(subject, "深圳市登记测试二号有限公司"),
            new ChangeWebsite(website, "改名官网", [other], "provider-a", "cdn", "cdn.example.com"),
            new CancelAccess(website, "provider-b"),
        ];
        Assert.Equal(await AtOnceAsync(changed, rows), await InStepAsync(changed, rows));
        var afterChange = await ReadAsync(rows);
        Assert.Contains("二号", afterChange, StringComparison.Ordinal);
        Assert.Contains(other, afterChange, StringComparison.Ordinal);
        Assert.DoesNotContain(domain, afterChange, StringComparison.Ordinal);
        Assert.DoesNotContain("provider-b", afterChange, StringComparison.Ordinal);

        EngineWrite[] website2 = [new FileWebsite(FilingNumbers.Website(subject, 2), subject, "第二个网站", 2)];
        await InStepAsync(website2, rows);
        EngineWrite[] deregistered = [new DeregisterWebsite(website), new DeregisterSubject(subject)];
        Assert.Equal(await AtOnceAsync(deregistered, rows), await InStepAsync(deregistered, rows));
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal((0, 2), await db.QuerySingleAsync<(int, int)>(
            """
            select (select count(*)::int from registry_subjects where subject_filing_number = @subject)
                 + (select count(*)::int from registry_websites where subject_filing_number = @subject)
                 + (select count(*)::int from registry_domains where domain = any(@domains))
                 + (select count(*)::int from registry_accesses where website_filing_number = @website),
                   (select count(*)::int from registry_website_numbers where subject_filing_number = @subject)
            """, new { subject, website, domains = new[] { domain, other } }));
    }

    private static async Task<string> AtOnceAsync(EngineWrite[] writes, Read read)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        await using var transaction = await db.BeginTransactionAsync();
        foreach (var write in writes)
        {
            await write.RunAsync(db, transaction, CancellationToken.None);
        }

        var rows = await read(db, transaction);
        await transaction.RollbackAsync();
        return rows;
    }

    private static async Task<string> InStepAsync(EngineWrite[] writes, Read read)
    {
        await TestApp.Instance.Services.GetRequiredService<StepTransaction>().StepAsync("test", step =>
        {
            foreach (var write in writes)
            {
                step.Write(write);
            }

            return Task.FromResult((true, true));
        }, CancellationToken.None);
        return await ReadAsync(read);
    }

    private static async Task<string> ReadAsync(Read read)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await read(db, null);
    }
}
