using Dapper;
using Npgsql;

namespace Backoffice.Faults;

/// <summary>
/// Reads the outcome from the database: every order's status, and for each order how many bureau
/// submissions, approval messages, applied bureau events and completed review steps it has. Waits
/// (bounded) for Hangfire to deliver what is still queued.
/// </summary>
public static class Verification
{
    private static readonly (string Name, string Sql)[] Checks =
    [
        ("orders not approved", "select count(*) from filing_orders where status <> 'approved'"),
        ("orders without exactly one bureau submission", "select count(*) from filing_orders o where (select count(*) from bureau_submissions s where s.order_id = o.id) <> 1"),
        ("bureau submissions never sent", "select count(*) from bureau_submissions where sent_at is null"),
        ("orders without exactly one approval message", "select count(*) from filing_orders o where (select count(*) from outbox_messages m where m.order_id = o.id and m.template = 'notify-approved') <> 1"),
        ("outbox messages never sent", "select count(*) from outbox_messages where sent_at is null"),
        ("rejections applied (every order was approved; rejections came only after it)", "select count(*) from bureau_events where kind = 'rejected' and applied"),
        ("bureau events applied more than once (order, kind)", "select count(*) from (select 1 from bureau_events where applied group by order_id, kind having count(*) > 1) d"),
        ("review steps completed more than once (order, step)", "select count(*) from (select 1 from review_tasks where status = 'done' group by order_id, activity_id having count(*) > 1) d"),
        ("open review tasks left", "select count(*) from review_tasks where status = 'open'"),
        ("instances still running a review or bureau wait", "select count(*) from workflow_instances i where i.status = 'running' and i.parent_instance_id is null and i.definition_id = 'new-filing'"),
        ("Hangfire jobs failed", "select count(*) from hangfire.job where statename = 'Failed'"),
    ];

    public static async Task<int> RunAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var wait = 0; wait < 60 && await connection.ExecuteScalarAsync<long>(
            "select (select count(*) from bureau_submissions where sent_at is null) + (select count(*) from outbox_messages where sent_at is null)") > 0; wait++)
        {
            await Task.Delay(1000);
        }

        var orders = await connection.ExecuteScalarAsync<long>("select count(*) from filing_orders");
        var notApplied = string.Join(", ", (await connection.QueryAsync<(string Kind, long Count)>(
            "select kind, count(*) from bureau_events where not applied group by kind order by kind")).Select(k => $"{k.Count} {k.Kind}"));
        var submissions = await connection.ExecuteScalarAsync<long>("select count(*) from bureau_submissions");
        var messages = await connection.ExecuteScalarAsync<long>("select count(*) from outbox_messages where template = 'notify-approved'");
        Console.WriteLine($"VERIFY {orders} orders; {submissions} bureau submissions; {messages} approval messages; bureau events recorded and not applied: {notApplied}");
        foreach (var (version, count) in await connection.QueryAsync<(int, long)>(
            "select version, count(*) from workflow_instances where definition_id = 'new-filing' group by version order by version"))
        {
            Console.WriteLine($"VERIFY new-filing version {version}: {count} instances");
        }

        var failed = 0;
        foreach (var (name, sql) in Checks)
        {
            var count = await connection.ExecuteScalarAsync<long>(sql);
            failed += count == 0 ? 0 : 1;
            Console.WriteLine($"VERIFY {name}: {count}");
        }

        Console.WriteLine(failed == 0 ? "VERIFY nothing lost, nothing doubled" : $"VERIFY {failed} checks FAILED");
        return failed == 0 ? 0 : 1;
    }
}
