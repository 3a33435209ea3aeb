using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Backoffice.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// The web app as the benchmarks run it: built from src/Backoffice.Web in Development, logging warnings only,
/// on a loopback port, with the given settings (demo data or test mode, sign-in limits).
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    private BenchApp(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public NpgsqlDataSource DataSource => App.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>Starts the app; <paramref name="before"/> adds middleware ahead of the app's own (a timer of each request).</summary>
    public static async Task<BenchApp> StartAsync(IReadOnlyDictionary<string, string> settings, Action<WebApplication>? before = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Backoffice.Web")),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddBackoffice();
        builder.Services.AddRazorPages().AddApplicationPart(typeof(Extensions).Assembly);
        var app = builder.Build();
        await app.PrepareAsync();
        before?.Invoke(app);
        app.UseBackoffice();
        await app.StartAsync();
        return new BenchApp(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    /// <summary>A client of the API signed in as <paramref name="username"/> (a demo account) with a bearer token.</summary>
    public async Task<HttpClient> ApiClientAsync(string username, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        var response = await client.PostAsJsonAsync("/api/tokens", new { username, password = "Passw0rd!" });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return client;
    }

    /// <summary>Runs an embedded seed script, then vacuums and analyses the tables it filled.</summary>
    public async Task SeedAsync(string script, string tables)
    {
        await using var command = DataSource.CreateCommand(await SeedScripts.ReadAsync(script));
        command.CommandTimeout = 1800;
        await command.ExecuteNonQueryAsync();
        await using var vacuum = DataSource.CreateCommand($"vacuum (analyze) {tables}");
        vacuum.CommandTimeout = 1800;
        await vacuum.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
