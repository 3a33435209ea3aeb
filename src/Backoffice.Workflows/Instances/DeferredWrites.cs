using Npgsql;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// Inserts and updates of a step that nothing in the step reads back (journal, timeline, audit,
/// status of the locked order): sent as one batch, one round trip, just before the step commits.
/// </summary>
public sealed class DeferredWrites
{
    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<(NpgsqlBatchCommand Command, Func<Exception> Failure)> _expectations = [];

    /// <summary>Adds a statement that must change exactly one row, or the step fails with <paramref name="failure"/>.</summary>
    public void AddExpectingOneRow(Func<Exception> failure, string sql, params object?[] values)
    {
        Add(sql, values);
        _expectations.Add((_commands[^1], failure));
    }

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
        var failed = _expectations.FirstOrDefault(e => e.Command.RecordsAffected != 1);
        _expectations.Clear();
        if (failed.Failure is not null)
        {
            throw failed.Failure();
        }
    }
}
