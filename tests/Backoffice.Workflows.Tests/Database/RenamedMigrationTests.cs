using Backoffice.Workflows.Database;
using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Backoffice.Workflows.Tests.Database;

/// <summary>
/// A database migrated while db/0016 was still db/0016_page_tokens.sql (its journal holds that name)
/// migrates to the latest schema: the inbox's task fields are added and filled, each token keeps the
/// staff session it belongs to; an empty database migrates too. Each test on its own database, dropped at the end, on the server of
/// ConnectionStrings__Backoffice (./backoffice test sets it).
/// </summary>
public sealed class RenamedMigrationTests : IAsyncLifetime
{
    /// <summary>db/0016_page_tokens.sql as it shipped (git: 9a3d823).</summary>
    private const string FirstMigration0016 = """
        -- 0016: an API token handed to a staff page (the workflow designer) belongs to the cookie session
        -- that opened the page, so signing out of the staff pages revokes it with the session.
        alter table api_tokens add column staff_session uuid;
        create index api_tokens_staff_session on api_tokens (staff_session) where staff_session is not null and revoked_at is null;
        """;

    private readonly string _database = $"backoffice_migrate_{Guid.NewGuid():N}"[..30];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Backoffice")
            ?? throw new InvalidOperationException("ConnectionStrings__Backoffice is not set: run the tests with ./backoffice test.");
        await ExecuteOnServerAsync(server, $"create database \"{_database}\"");
        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database, Pooling = false }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Backoffice")!;
        await ExecuteOnServerAsync(server, $"drop database if exists \"{_database}\" with (force)");
    }

    [Fact]
    public async Task A_database_journaled_with_the_first_0016_migrates_and_keeps_its_staff_sessions()
    {
        var before = EmbeddedMigrations().Where(s => string.CompareOrdinal(s.Name, "Migrations.0016") < 0)
            .Append(new SqlScript(RenamedMigration0016.OldName, FirstMigration0016));
        var old = DeployChanges.To.PostgresqlDatabase(_connectionString).WithScripts(before).WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_versions").LogToNowhere().Build().PerformUpgrade();
        Assert.True(old.Successful, old.Error?.Message);

        var session = Guid.NewGuid();
        var (orderId, taskId) = (Guid.NewGuid(), Guid.NewGuid());
        await ExecuteAsync($$"""
            insert into users (username, display_name, password_hash, roles) values ('lead', 'Lead', 'x', '{team-lead}');
            insert into api_tokens (token_hash, user_id, created_at, expires_at, staff_session)
                select '\x01', id, now(), now() + interval '1 hour', '{{session}}' from users;
            insert into filing_orders (id, order_number, filing_type, status, province, subject_name, subject_certificate_type,
                                       subject_certificate_number, body, created_by, created_at, updated_at)
                values ('{{orderId}}', 'BA-1', 'new-filing', 'in-review', '440000', 'S', 'uscc', '91440300708461136T', '{}', 'console', now(), now());
            insert into workflow_definitions (id, name, filing_type, created_at) values ('d', 'd', null, now());
            insert into workflow_definition_versions (definition_id, version, status, document, saved_by, saved_at)
                values ('d', 1, 'published', '{}', 'c', now());
            insert into workflow_instances (id, definition_id, version, order_id, status, created_at, updated_at)
                values ('{{orderId}}', 'd', 1, '{{orderId}}', 'running', now(), now());
            insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, status, created_at, due_at)
                values ('{{taskId}}', '{{orderId}}', '{{taskId}}', '{{orderId}}', 'review', 'initial-review', 'initial', '{approve}', 'open', now(), now());
            """);

        await MigrateAsync();
        await MigrateAsync();

        Assert.Equal(
            EmbeddedMigrations().Select(s => s.Name).Append(RenamedMigration0016.OldName).Order(StringComparer.Ordinal),
            await ColumnAsync<string>("select scriptname from schema_versions order by scriptname collate \"C\""));
        Assert.Equal([session], await ColumnAsync<Guid>("select staff_session from api_tokens"));
        Assert.Equal(["new-filing 440000"], await ColumnAsync<string>("select filing_type || ' ' || province from review_tasks"));
        await ExecuteAsync($"update filing_orders set province = '310000' where id = '{orderId}'");
        Assert.Equal(["new-filing 310000"], await ColumnAsync<string>("select filing_type || ' ' || province from review_tasks"));
        Assert.Equal(["api_tokens_staff_session", "review_tasks_done_by_fields"], await ColumnAsync<string>("""
            select indexname from pg_indexes
            where indexname in ('api_tokens_staff_session', 'review_tasks_done_by', 'review_tasks_done_by_fields') order by indexname
            """));
    }

    [Fact]
    public async Task An_empty_database_migrates_to_the_latest()
    {
        await MigrateAsync();

        Assert.Equal(
            EmbeddedMigrations().Select(s => s.Name).Order(StringComparer.Ordinal),
            await ColumnAsync<string>("select scriptname from schema_versions order by scriptname collate \"C\""));
    }

    private async Task MigrateAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await new Migrator(dataSource, _connectionString, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    private static List<SqlScript> EmbeddedMigrations()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new SqlScript(n, reader.ReadToEnd());
            })
            .ToList();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
