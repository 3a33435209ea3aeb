using Backoffice.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// The engine on connections whose commits wait <see cref="DelayMicroseconds"/> µs for others before the
/// WAL flush (PostgreSQL's commit_delay, when at least <see cref="Siblings"/> other transactions are open),
/// so more commits share one flush. Every commit still returns only once its WAL is on disk: durability is
/// unchanged. Measured beside the plain engine in each round, as a candidate lever.
/// </summary>
public static class GroupCommit
{
    public const int DelayMicroseconds = 500;

    public const int Siblings = 2;

    public static ServiceProvider Services(IConfiguration configuration)
    {
        var connection = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Backoffice"))
        {
            Options = $"-c commit_delay={DelayMicroseconds} -c commit_siblings={Siblings}",
        };
        var grouped = new ConfigurationBuilder().AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Backoffice"] = connection.ConnectionString }).Build();
        return new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton<IConfiguration>(grouped)
            .AddWorkflows(grouped).BuildServiceProvider();
    }
}
