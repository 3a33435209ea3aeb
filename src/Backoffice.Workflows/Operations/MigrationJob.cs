namespace Backoffice.Workflows.Operations;

/// <summary>
/// Runs a migration batch after batch until none is left. Run again (a retry, a restart) it carries on
/// where it stopped: every batch commits its results with its moves.
/// </summary>
public sealed class MigrationJob(InstanceMigrations migrations)
{
    public async Task RunAsync(Guid migrationId, CancellationToken ct)
    {
        while (await migrations.RunBatchAsync(migrationId, ct))
        {
        }
    }
}
