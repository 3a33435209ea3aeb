using Npgsql;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// Inserts and updates of a step that nothing in the step reads back (journal, timeline, audit,
/// status of the locked order): sent as one batch, one round trip, just before the step commits.
/// </summary>
public sealed class DeferredWrites
{
    private readonly List<NpgsqlBatchCommand> _commands = [];

    /// <summary>Adds a statement with positional parameters ($1, $2, ...).</summary>
    public void Add(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        _commands.Add(command);
    }

    public async Task FlushAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (_commands.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }

        _commands.Clear();
        await batch.ExecuteNonQueryAsync(ct);
    }
}
