using Backoffice.Workflows.Steps;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// Hangfire clients over a connection opened inside a TransactionScope: the jobs they enqueue
/// (builds, the e-mails of a finished build) commit with the scope's rows, or not at all.
/// </summary>
public sealed class ReportJobs
{
    private readonly Lazy<(IBackgroundJobFactory Factory, IBackgroundJobStateChanger StateChanger)> _shared = new(() =>
        (new BackgroundJobFactory(JobFilterProviders.Providers), new BackgroundJobStateChanger(JobFilterProviders.Providers)));

    public BackgroundJobClient Client(NpgsqlConnection connection)
    {
        var options = JobStorageOptions.Create();
        options.EnableTransactionScopeEnlistment = true;
        var storage = new PostgreSqlStorage(new ExistingNpgsqlConnectionFactory(connection, options), options);
        var (factory, stateChanger) = _shared.Value;
        return new BackgroundJobClient(storage, factory, stateChanger);
    }
}
