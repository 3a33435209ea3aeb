using Backoffice.Workflows.Bureau;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// Enqueues side-effect jobs through a Hangfire storage built over the step's own connection, enlisted
/// in the step's TransactionScope: the job exists if and only if the step commits.
/// </summary>
public sealed class HangfireSideEffects : ISideEffects
{
    private readonly BackgroundJobClient _client;

    public HangfireSideEffects(NpgsqlConnection connection)
    {
        var options = new PostgreSqlStorageOptions { EnableTransactionScopeEnlistment = true, PrepareSchemaIfNecessary = false };
        _client = new BackgroundJobClient(new PostgreSqlStorage(new ExistingNpgsqlConnectionFactory(connection, options), options));
    }

    public void SubmitToBureau(Guid orderId, int attempt) =>
        _client.Enqueue<BureauSubmissionJob>(job => job.RunAsync(orderId, attempt, CancellationToken.None));

    public void SendNotification(Guid messageId) =>
        _client.Enqueue<NotificationJob>(job => job.RunAsync(messageId, CancellationToken.None));
}
