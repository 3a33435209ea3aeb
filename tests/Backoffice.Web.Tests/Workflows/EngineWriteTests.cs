using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Dapper;

namespace Backoffice.Web.Tests.Workflows;

/// <summary>
/// A named write run at once, outside a step, is the statement a step sends with its COMMIT: a checked
/// write refuses a row changed since it was read, and a row of a multi-row insert lands in the caller's
/// transaction, with its NULLs, or not at all.
/// </summary>
public sealed class EngineWriteTests
{
    [Fact]
    public async Task Saving_an_instance_at_once_refuses_a_stale_row_version_and_saves_the_current_one()
    {
        var flow = await Flow.SubmittedAsync(TestApp.Instance);
        var orderId = Guid.Parse(flow.Id);
        await using var db = await TestApp.OpenDatabaseAsync();
        var (id, rowVersion, variables) = await db.QuerySingleAsync<(Guid, int, string)>(
            "select id, row_version, variables::text from workflow_instances where order_id = @orderId", new { orderId });
        WorkflowInstance Read(int version) => new()
        {
            Id = id, OrderId = orderId, RowVersion = version, Status = "running",
            Variables = JsonNode.Parse(variables)!.AsObject(),
        };

        var stale = Read(rowVersion - 1);
        stale.Variables["marker"] = "stale";
        await Assert.ThrowsAsync<ConcurrentStepException>(() => new SaveInstance(stale, DateTimeOffset.UtcNow).RunAsync(db, null, CancellationToken.None));
        Assert.Equal(rowVersion, await db.ExecuteScalarAsync<int>("select row_version from workflow_instances where id = @id", new { id }));

        var current = Read(rowVersion);
        current.Variables["marker"] = "current";
        await new SaveInstance(current, DateTimeOffset.UtcNow).RunAsync(db, null, CancellationToken.None);
        Assert.Equal((rowVersion + 1, "current"), await db.QuerySingleAsync<(int, string)>(
            "select row_version, variables ->> 'marker' from workflow_instances where id = @id", new { id }));
    }

    [Fact]
    public async Task A_timeline_row_run_at_once_is_written_with_its_transaction_and_keeps_its_nulls()
    {
        var flow = await Flow.SubmittedAsync(TestApp.Instance);
        var orderId = Guid.Parse(flow.Id);
        var actor = $"test-{Guid.NewGuid():N}";
        await using var db = await TestApp.OpenDatabaseAsync();

        await using (var rolledBack = await db.BeginTransactionAsync())
        {
            await new AppendTimeline(orderId, DateTimeOffset.UtcNow, FilingStatus.Submitted, "rolled back", actor, null).RunAsync(db, rolledBack, CancellationToken.None);
            await rolledBack.RollbackAsync();
        }

        await using (var committed = await db.BeginTransactionAsync())
        {
            await new AppendTimeline(orderId, DateTimeOffset.UtcNow, FilingStatus.Submitted, null, actor, null).RunAsync(db, committed, CancellationToken.None);
            await committed.CommitAsync();
        }

        var rows = (await db.QueryAsync<(string? Step, string? Note)>(
            "select step, note from filing_timeline where order_id = @orderId and actor = @actor", new { orderId, actor })).ToList();
        var row = Assert.Single(rows);
        Assert.Null(row.Step);
        Assert.Null(row.Note);
    }
}
