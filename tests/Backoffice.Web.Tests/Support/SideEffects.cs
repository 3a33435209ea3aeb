using Dapper;

namespace Backoffice.Web.Tests.Support;

/// <summary>Reads what the side-effect jobs did, waiting (bounded) for Hangfire to process them.</summary>
public static class SideEffects
{
    public static async Task<int> BureauSubmissionsSentAsync(string orderId, int expected)
    {
        var id = Guid.Parse(orderId);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await TestApp.OpenDatabaseAsync();
            var sent = await db.ExecuteScalarAsync<int>("select count(*) from bureau_submissions where order_id = @id and sent_at is not null", new { id });
            if (sent >= expected || attempt == 100)
            {
                return sent;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Outbox messages with their delivery time, once every one of them is sent or the wait (10 s) is over.</summary>
    public static async Task<List<(string Recipient, DateTimeOffset? SentAt)>> DeliveredAsync(string sql, object args)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await TestApp.OpenDatabaseAsync();
            var messages = (await db.QueryAsync<(string, DateTimeOffset?)>(sql, args)).AsList();
            if (messages.TrueForAll(m => m.Item2 is not null) || attempt == 100)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<int> OutboxCountAsync(string orderId, string template)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>(
            "select count(*) from outbox_messages where order_id = @id and template = @template", new { id = Guid.Parse(orderId), template });
    }
}
