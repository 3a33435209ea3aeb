using Backoffice.Workflows.Steps;
using NpgsqlTypes;

namespace Backoffice.Workflows.Bureau;

/// <summary>The order's next submission to the bureau, numbered from the locked order's attempts; its job sends it after commit.</summary>
public sealed record RecordSubmission(Guid OrderId, int Attempt, DateTimeOffset At) : EngineWrite
{
    internal override void AddTo(DeferredWrites writes) =>
        writes.Add("insert into bureau_submissions (order_id, attempt, submitted_at) values ($1, $2, $3)", OrderId, Attempt, At);
}

/// <summary>A result received from the bureau, applied or not (with the reason when not).</summary>
public sealed record RecordBureauEvent(Guid OrderId, string Kind, string Payload, DateTimeOffset At, string Actor, bool Applied, string? Note) : EngineWrite
{
    private const string Sql =
        """
        insert into bureau_events (id, order_id, kind, payload, received_at, received_by, applied, note)
        values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
        """;

    internal override void AddTo(DeferredWrites writes) =>
        writes.Add(Sql, Guid.CreateVersion7(), OrderId, Kind, Payload, At, Actor, Applied, DeferredWrites.Nullable(NpgsqlDbType.Text, Note));
}

/// <summary>
/// Closes the order's open 20-working-day follow-up (<see cref="BureauFollowUps"/>) with its resolution, audited on the
/// order; nothing when none is open.
/// </summary>
public sealed record CloseBureauFollowUp(Guid OrderId, string OrderNumber, string Resolution, string Actor, DateTimeOffset At) : EngineWrite
{
    private const string Sql =
        """
        with closed as (
            update bureau_follow_ups set status = 'closed', closed_at = $2, closed_by = $3, resolution = $4
            where order_id = $1 and status = 'open' returning id)
        insert into audit_log (at, actor, action, entity_type, entity_id, details)
        select $2, $3, 'bureau-follow-up-closed', 'filing-order', $5, jsonb_build_object('followUp', id, 'resolution', $4::text) from closed
        """;

    internal override void AddTo(DeferredWrites writes) => writes.Add(Sql, OrderId, At, Actor, Resolution, OrderNumber);
}
