using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backoffice.Workflows.Database;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Backoffice";

    /// <summary>One NpgsqlDataSource for the process (and one for the read replica, when set); a connection per unit of work.</summary>
    public static IServiceCollection AddBackofficeDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (./backoffice run sets it for the local cluster).");
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "backoffice" };
            builder.ConnectionStringBuilder.MaxAutoPrepare = builder.ConnectionStringBuilder.MaxAutoPrepare == 0 ? 64 : builder.ConnectionStringBuilder.MaxAutoPrepare;
            return builder.Build();
        });
        services.AddSingleton(sp => new ReadReplica(
            sp.GetRequiredService<NpgsqlDataSource>(), configuration.GetConnectionString(ReadReplica.ConnectionStringName)));
        services.AddSingleton(sp => new Migrator(
            sp.GetRequiredService<NpgsqlDataSource>(), connectionString, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Migrator>>()));
        return services;
    }
}
