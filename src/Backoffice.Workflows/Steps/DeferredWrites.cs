using Npgsql;
using NpgsqlTypes;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// Inserts and updates of a step that nothing in the step reads back (the engine's named writes,
/// <see cref="EngineWrite"/>, and the step's other rows): sent as one batch together with the COMMIT,
/// one round trip. Rows of a <see cref="RowTable"/> go out as one multi-row insert per table, after the
/// other statements.
/// </summary>
public sealed class DeferredWrites
{
    /// <summary>The SQLSTATE <c>expect_one_row</c> (db/0017) raises when a checked write did not change exactly one row.</summary>
    private const string ExpectationFailed = "BOS01";

    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<Func<Exception>> _expectations = [];
    private readonly Dictionary<RowTable, List<object?[]>> _rows = [];

    /// <summary>
    /// Adds an UPDATE or DELETE (without RETURNING) that must change exactly one row; otherwise the
    /// batch fails before its COMMIT, nothing of the step is written, and the step throws
    /// <paramref name="failure"/>.
    /// </summary>
    public void AddExpectingOneRow(Func<Exception> failure, string sql, params object?[] values)
    {
        _expectations.Add(failure);
        Add($"with changed as ({sql} returning 1) select expect_one_row((select count(*) from changed), ${values.Length + 1})",
            [.. values, _expectations.Count - 1]);
    }

    /// <summary>
    /// A value that may be NULL, with its column's type, for <see cref="Add"/>. A bare null goes out
    /// untyped, which gives the statement other parameter types than a value does: the server then
    /// parses and plans it again each time it changes, instead of running its prepared form.
    /// </summary>
    public static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };

    /// <summary>
    /// Adds a statement with positional parameters ($1, $2, ...). A value that may be NULL goes as a
    /// <see cref="Nullable"/> parameter: a bare null is refused, so no statement loses its prepared form.
    /// </summary>
    public void Add(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.Add(values[i] switch
            {
                null => throw new ArgumentException(
                    $"${i + 1} of \"{sql.Split('\n')[0].Trim()}\" is a bare null: pass it as DeferredWrites.Nullable with its column's type.", nameof(values)),
                NpgsqlParameter parameter => parameter,
                var value => new NpgsqlParameter { Value = value },
            });
        }

        _commands.Add(command);
    }

    /// <summary>Adds a named write of the engine.</summary>
    public void Add(EngineWrite write) => write.AddTo(this);

    /// <summary>Adds a row to <paramref name="table"/>'s insert, values in the order of its columns.</summary>
    public void AddRow(RowTable table, params object?[] values)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            _rows[table] = rows = [];
        }

        rows.Add(values);
    }

    /// <summary>Sends the writes, and the COMMIT when <paramref name="commit"/>, in one batch.</summary>
    public Task FlushAsync(NpgsqlConnection connection, bool commit, CancellationToken ct) => FlushAsync(connection, null, commit, ct);

    /// <summary>Sends the writes in <paramref name="transaction"/>, and the COMMIT when <paramref name="commit"/>, in one batch.</summary>
    public async Task FlushAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool commit, CancellationToken ct)
    {
        foreach (var (table, rows) in _rows)
        {
            _commands.Add(table.Insert(rows));
        }

        _rows.Clear();
        if (commit)
        {
            _commands.Add(new NpgsqlBatchCommand("commit"));
        }

        if (_commands.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }

        _commands.Clear();
        var expectations = _expectations.ToArray();
        _expectations.Clear();
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == ExpectationFailed)
        {
            throw expectations[int.Parse(ex.MessageText.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)]();
        }
    }
}
