using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Timers;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Npgsql;

namespace Backoffice.Workflows.Instances;

/// <summary>
/// Builds, per step, a Hangfire client over the step's own connection, enlisted in the step's
/// TransactionScope: a job exists if and only if the step commits. The job factory and state
/// changer are made once per process and shared.
/// </summary>
public sealed class SideEffectsFactory
{
    private readonly Lazy<(IBackgroundJobFactory Factory, IBackgroundJobStateChanger StateChanger)> _shared = new(() =>
        (new BackgroundJobFactory(JobFilterProviders.Providers), new BackgroundJobStateChanger(JobFilterProviders.Providers)));

    /// <summary>The client is built on the first enqueue: most steps have no side effect.</summary>
    public ISideEffects For(NpgsqlConnection connection) => new HangfireSideEffects(new Lazy<BackgroundJobClient>(() => Client(connection)));

    /// <summary>A Hangfire client over <paramref name="connection"/>, opened inside a TransactionScope: its jobs commit with the scope.</summary>
    public BackgroundJobClient Client(NpgsqlConnection connection)
    {
        var options = new PostgreSqlStorageOptions { EnableTransactionScopeEnlistment = true, PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new ExistingNpgsqlConnectionFactory(connection, options), options);
        var (factory, stateChanger) = _shared.Value;
        return new BackgroundJobClient(storage, factory, stateChanger);
    }

    private sealed class HangfireSideEffects(Lazy<BackgroundJobClient> client) : ISideEffects
    {
        public void SubmitToBureau(Guid orderId, int attempt) =>
            client.Value.Enqueue<BureauSubmissionJob>(job => job.RunAsync(orderId, attempt, CancellationToken.None));

        public void SendNotification(Guid messageId) =>
            client.Value.Enqueue<NotificationJob>(job => job.RunAsync(messageId, CancellationToken.None));

        public void FireTimer(Guid bookmarkId, Guid orderId, TimeSpan delay) =>
            client.Value.Schedule<TimerJob>(job => job.RunAsync(bookmarkId, orderId, CancellationToken.None), delay);
    }
}
