using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Database;

/// <summary>
/// Applies the numbered db/*.sql files (embedded in this assembly) once each, in order, each in a
/// transaction, journaled in <c>schema_versions</c>, then Hangfire's own schema. An advisory lock lets
/// several nodes start at once. A database journaled under a migration's earlier name is completed first
/// (<see cref="RenamedMigration0016"/>); the rules for db/ are in db/README.md.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, string connectionString, ILogger<Migrator> logger)
{
    private const long AdvisoryLockKey = 0x4241_434B_4F46_4649;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        await RenamedMigration0016.CompleteAsync(lockConnection, cancellationToken);

        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.StartsWith("Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_versions")
            .LogTo(new UpgradeLog(logger))
            .Build();
        var result = upgrader.PerformUpgrade();
        if (result.Successful)
        {
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(lockConnection, "hangfire");
        }

        await using (var release = new NpgsqlCommand("select pg_advisory_unlock(@key)", lockConnection))
        {
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
        }
    }

    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) =>
            logger.LogInformation("{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void LogWarning(string format, params object[] args) =>
            logger.LogWarning("{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void LogError(string format, params object[] args) =>
            logger.LogError("{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void LogError(Exception ex, string format, params object[] args) =>
            logger.LogError(ex, "{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
