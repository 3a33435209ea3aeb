using Npgsql;

namespace Backoffice.Workflows.Database;

/// <summary>
/// Where the long reads go (reports, the lead board's figures, order search): the streaming replica named by
/// <c>ConnectionStrings:Replica</c>, or the primary when none is set. A replica answers what the primary had
/// committed a moment ago (its replay lag, under a second on a healthy link; docs/OPERATIONS.md), so nothing that
/// writes, or reads its own write back, uses it.
/// </summary>
public sealed class ReadReplica : IAsyncDisposable
{
    public const string ConnectionStringName = "Replica";

    private readonly NpgsqlDataSource? _replica;

    public ReadReplica(NpgsqlDataSource primary, string? replicaConnectionString)
    {
        if (!string.IsNullOrWhiteSpace(replicaConnectionString))
        {
            var builder = new NpgsqlDataSourceBuilder(replicaConnectionString) { Name = "backoffice-replica" };
            builder.ConnectionStringBuilder.MaxAutoPrepare = builder.ConnectionStringBuilder.MaxAutoPrepare == 0 ? 64 : builder.ConnectionStringBuilder.MaxAutoPrepare;
            _replica = builder.Build();
        }

        DataSource = _replica ?? primary;
    }

    /// <summary>The replica's data source, or the primary's.</summary>
    public NpgsqlDataSource DataSource { get; }

    public bool IsReplica => _replica is not null;

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct) => DataSource.OpenConnectionAsync(ct);

    public ValueTask DisposeAsync() => _replica?.DisposeAsync() ?? ValueTask.CompletedTask;
}
