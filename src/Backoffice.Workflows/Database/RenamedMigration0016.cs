using Npgsql;

namespace Backoffice.Workflows.Database;

/// <summary>
/// db/0016_page_tokens.sql shipped and was then replaced by db/0016_inbox_filters_and_page_tokens.sql,
/// which repeats its token column and adds the inbox's task fields. A database whose journal holds the
/// old name would run the new file and fail on the column it already has, so before the journal is
/// read this applies the new file there, keeping each token's staff session, and journals it.
/// </summary>
internal static class RenamedMigration0016
{
    public const string OldName = "Migrations.0016_page_tokens.sql";
    public const string NewName = "Migrations.0016_inbox_filters_and_page_tokens.sql";

    public static async Task CompleteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("select to_regclass('public.schema_versions') is not null", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        const string journaled = """
            select exists (select from schema_versions where scriptname = @old)
               and not exists (select from schema_versions where scriptname = @new)
            """;
        await using (var check = new NpgsqlCommand(journaled, connection))
        {
            check.Parameters.AddWithValue("old", OldName);
            check.Parameters.AddWithValue("new", NewName);
            if (!(bool)(await check.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, """
            do $$ begin
                if not exists (select from information_schema.columns
                               where table_schema = 'public' and table_name = 'api_tokens' and column_name = 'staff_session' and data_type = 'uuid')
                   or to_regclass('public.api_tokens_staff_session') is null then
                    raise exception '0016_page_tokens.sql is journaled but api_tokens.staff_session (uuid) or its index is missing';
                end if;
            end $$;
            drop index api_tokens_staff_session;
            alter table api_tokens rename column staff_session to staff_session_before_0016;
            """, cancellationToken);
        await ExecuteAsync(connection, transaction, await ScriptAsync(NewName, cancellationToken), cancellationToken);
        await ExecuteAsync(connection, transaction, """
            update api_tokens set staff_session = staff_session_before_0016 where staff_session_before_0016 is not null;
            alter table api_tokens drop column staff_session_before_0016;
            """, cancellationToken);
        await using (var journal = new NpgsqlCommand("insert into schema_versions (scriptname, applied) values (@new, now())", connection, transaction))
        {
            journal.Parameters.AddWithValue("new", NewName);
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> ScriptAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = typeof(RenamedMigration0016).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
