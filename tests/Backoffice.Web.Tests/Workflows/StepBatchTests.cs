using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Audit;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// A step's writes and its COMMIT go out in one batch: an instance changed by someone else since the
/// step read it fails the row-version check inside that batch, so nothing of the step is written;
/// rows appended to a table are inserted in the order the step added them; a statement whose value may
/// be NULL keeps running as its prepared statement either way, and a bare null is refused.
/// </summary>
public sealed class StepBatchTests
{
    private static StepTransaction Steps => TestApp.Instance.Services.GetRequiredService<StepTransaction>();

    [Fact]
    public async Task Instance_changed_since_the_step_read_it_fails_the_step_and_nothing_of_it_is_written()
    {
        var flow = await Flow.SubmittedAsync(TestApp.Instance);
        var orderId = Guid.Parse(flow.Id);
        var marker = Guid.NewGuid().ToString();
        var status = await flow.StatusAsync();
        await using var db = await TestApp.OpenDatabaseAsync();
        var instanceId = await db.ExecuteScalarAsync<Guid>("select id from workflow_instances where order_id = @orderId", new { orderId });
        var before = await db.ExecuteScalarAsync<int>("select row_version from workflow_instances where id = @instanceId", new { instanceId });

        var failure = await Assert.ThrowsAsync<ConcurrentStepException>(() => Steps.StepAsync("test", async step =>
        {
            var (instance, _) = await InstanceStore.LoadAsync(step, instanceId);
            instance!.Variables["marker"] = marker;
            AuditLog.Add(step.Writes, step.Now, "test", "marker", "test", marker, null);
            await step.LockOrderAsync(orderId);
            await OrderStatus.SetAsync(step, orderId, "expired", "test");
            await using (var other = await TestApp.OpenDatabaseAsync())
            {
                await other.ExecuteAsync("update workflow_instances set row_version = row_version + 1 where id = @instanceId", new { instanceId });
            }

            return (true, true);
        }, CancellationToken.None));

        Assert.Contains(instanceId.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*)::int from audit_log where entity_id = @marker", new { marker }));
        Assert.Equal(before + 1, await db.ExecuteScalarAsync<int>("select row_version from workflow_instances where id = @instanceId", new { instanceId }));
        Assert.False(await db.ExecuteScalarAsync<bool>("select variables ? 'marker' from workflow_instances where id = @instanceId", new { instanceId }));
        Assert.Equal(status, await flow.StatusAsync());
    }

    [Fact]
    public async Task Rows_of_a_step_are_inserted_in_the_order_the_step_added_them_and_committed_with_it()
    {
        var entity = Guid.NewGuid().ToString();
        string[] actions = ["first", "second", "third"];
        await Steps.StepAsync("test", step =>
        {
            foreach (var action in actions)
            {
                AuditLog.Add(step.Writes, step.Now, "test", action, "test", entity, new { action });
            }

            return Task.FromResult((true, true));
        }, CancellationToken.None);

        await using var db = await TestApp.OpenDatabaseAsync();
        var stored = (await db.QueryAsync<string>(
            "select action from audit_log where entity_id = @entity and details ->> 'action' = action order by id", new { entity })).ToArray();
        Assert.Equal(actions, stored);
    }

    [Fact]
    public async Task A_write_runs_as_its_prepared_statement_whether_its_nullable_value_is_null_or_not()
    {
        const string Sql = "select $1::timestamptz is null as no_due_time";
        const int Runs = 20;
        await using var connection = await TestApp.Instance.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        for (var i = 0; i < Runs; i++)
        {
            var writes = new DeferredWrites();
            writes.Add(Sql, DeferredWrites.Nullable(NpgsqlDbType.TimestampTz, i % 2 == 0 ? null : DateTimeOffset.UtcNow));
            await writes.FlushAsync(connection, commit: false, CancellationToken.None);
        }

        var prepared = await connection.ExecuteScalarAsync<long>(
            "select coalesce(sum(generic_plans + custom_plans), 0)::bigint from pg_prepared_statements where statement = @Sql", new { Sql });
        // Npgsql prepares a statement on its fifth use; every run after that must use it, null or not.
        Assert.True(prepared >= Runs - 6, $"{prepared} of {Runs} runs used the prepared statement");
    }

    [Fact]
    public void A_write_given_a_bare_null_is_refused_with_the_parameter_it_names()
    {
        var writes = new DeferredWrites();
        var error = Assert.Throws<ArgumentException>(() =>
            writes.Add("update review_tasks set comment = $1 where id = $2", null, Guid.NewGuid()));
        Assert.Contains("$1 of \"update review_tasks set comment = $1 where id = $2\" is a bare null", error.Message);
    }
}
