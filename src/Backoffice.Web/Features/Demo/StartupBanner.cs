using Backoffice.Workflows;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Backoffice.Web.Features.Demo;

/// <summary>Once the server listens: seeds the demo orders of a demo run, then prints the address and the demo logins.</summary>
public sealed class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, IOptions<BackofficeOptions> options, DemoOrders demoOrders, ILogger<StartupBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = StartedAsync());
        return Task.CompletedTask;
    }

    private async Task StartedAsync()
    {
        if (options.Value.DemoData && options.Value.TestMode)
        {
            try
            {
                await demoOrders.SeedAsync(lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Demo orders could not be seeded");
            }
        }

        Print();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "Backoffice is running:" };
        lines.AddRange(addresses.Select(a => $"  {a}   (health: {a}/healthz, API: {a}/openapi/v1.json)"));
        if (options.Value.DemoData || options.Value.TestMode)
        {
            lines.Add($"Demo logins (password {DemoAccounts.Password}):");
            lines.AddRange(DemoAccounts.Accounts.Select(a => $"  {a.Username,-12} {string.Join(", ", a.Roles)}"));
            lines.Add($"Console API key: {DemoAccounts.ConsoleKey}");
        }

        lines.Add("Stop with Ctrl-C; stop the local database with ./backoffice db stop.");
        logger.LogInformation("{Banner}", string.Join(Environment.NewLine, lines));
    }
}
