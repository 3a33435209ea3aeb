using Npgsql;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// A table a step appends rows to (journal, timeline, audit): the rows of one step are inserted by one
/// statement, <c>insert ... select * from unnest($1::type[], ...)</c>, a typed array per column, in the
/// order they were added.
/// </summary>
public sealed class RowTable
{
    private readonly string _sql;
    private readonly Type[] _types;

    /// <param name="table">The table.</param>
    /// <param name="columns">Its columns with their PostgreSQL and .NET types (nullable types where the column may be null).</param>
    public RowTable(string table, params (string Name, string SqlType, Type Type)[] columns)
    {
        _types = [.. columns.Select(c => c.Type)];
        _sql = $"insert into {table} ({string.Join(", ", columns.Select(c => c.Name))}) select * from unnest("
            + string.Join(", ", columns.Select((c, i) => $"${i + 1}::{c.SqlType}[]")) + ")";
    }

    internal NpgsqlBatchCommand Insert(List<object?[]> rows)
    {
        var command = new NpgsqlBatchCommand(_sql);
        for (var column = 0; column < _types.Length; column++)
        {
            var values = Array.CreateInstance(_types[column], rows.Count);
            for (var row = 0; row < rows.Count; row++)
            {
                values.SetValue(rows[row][column], row);
            }

            command.Parameters.Add(new NpgsqlParameter { Value = values });
        }

        return command;
    }
}
