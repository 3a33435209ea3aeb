using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Messaging;

/// <summary>A message for the outbox (SMS, e-mail or in-app), delivered by its <see cref="NotificationJob"/> once the step commits.</summary>
public sealed record QueueMessage(Guid Id, Guid OrderId, string Channel, string Recipient, string Template, string Body, DateTimeOffset At) : EngineWrite
{
    private const string Sql =
        """
        insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
        values ($1, $2, $3, $4, $5, $6, $7)
        """;

    internal override void AddTo(DeferredWrites writes) => writes.Add(Sql, Id, OrderId, Channel, Recipient, Template, Body, At);
}

/// <summary>An in-app message to every active compliance manager that an order's instance stopped on a fault.</summary>
public sealed record NotifyCompliance(Guid OrderId, string Body, DateTimeOffset At) : EngineWrite
{
    private const string Sql =
        """
        insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
        select gen_random_uuid(), $1, 'staff', username, 'workflow-faulted', $2, $3
        from users where active and 'compliance' = any (roles)
        """;

    internal override void AddTo(DeferredWrites writes) => writes.Add(Sql, OrderId, Body, At);
}

/// <summary>A message handed over for delivery (by its <see cref="NotificationJob"/>, in the transaction that holds it locked).</summary>
public sealed record MarkMessageSent(Guid Id, DateTimeOffset At) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes) => writes.Add("update outbox_messages set sent_at = $1 where id = $2", At, Id);
}
