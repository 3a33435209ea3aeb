using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace Backoffice.Web.Tests.Support;

/// <summary>
/// The real app on the real PostgreSQL named by ConnectionStrings__Backoffice (./backoffice test
/// creates it), in test mode, listening on a loopback port. One instance for the whole run; tests make their own data.
/// Disposing an app stops its job servers first (<see cref="DisposeAsync"/>).
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private static readonly Lazy<TestApp> Shared = new(StartShared);
    private readonly bool _testMode;
    private readonly LogCapture? _logs;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly List<IHostedService> _jobServers = [];
    private IServiceProvider? _started;

    /// <summary>
    /// A test server of its own; <paramref name="logs"/>, when given, receives every log line from Information up;
    /// <paramref name="settings"/> override configuration keys (e.g. "Backoffice:KnownProxies:0"); <paramref name="services"/>
    /// changes its services (e.g. an in-memory trace exporter). Every test app sends e-mail to <see cref="SmtpCatcher.Shared"/>.
    /// </summary>
    public TestApp(bool testMode, LogCapture? logs = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _testMode = testMode;
        _logs = logs;
        _settings = settings;
        _services = services;
    }

    /// <summary>The key-ring secret every test node shares, as every node of one deployment must.</summary>
    public const string DataProtectionKey = "test-nodes-share-this-key-ring-secret-0123456789";

    /// <summary>The shared test-mode app, already started, so its seeded users and definitions exist for every test.</summary>
    public static TestApp Instance => Shared.Value;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Backoffice")
        ?? throw new InvalidOperationException("ConnectionStrings__Backoffice is not set: run the tests with ./backoffice test.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Backoffice", ConnectionString);
        builder.UseSetting("Backoffice:TestMode", _testMode ? "true" : "false");
        builder.UseSetting("Backoffice:SignInsPerMinute", "10000");
        builder.UseSetting("Backoffice:SignInsPerAccountPerMinute", "10000");
        builder.UseSetting("BureauSimulator:RejectionRate", "0");
        builder.UseSetting("Timers:SweepInterval", "00:10:00");
        builder.UseSetting("Webhooks:RetryDelaySeconds", "1");
        builder.UseSetting("Backoffice:DataProtectionKey", DataProtectionKey);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", SmtpCatcher.Shared.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }

        builder.ConfigureServices(KeepJobServers);

        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs).AddFilter<LogCapture>(null, LogLevel.Information));
        }

        var log = Environment.GetEnvironmentVariable("BACKOFFICE_TEST_SERVER_LOG");
        if (!string.IsNullOrEmpty(log))
        {
            builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(log)));
        }
    }

    /// <summary>
    /// Stops this app's Hangfire servers and its Quartz scheduler, and waits for them, before the host goes: a server's
    /// workers cancel the jobs they hold, which Hangfire puts back in their queues for the other apps of the run, and no
    /// job is left running on services the host is about to dispose (it would fail there and wait for its retry,
    /// 16–44 s later, holding up the test that waits for it).
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        List<IHostedService> servers;
        lock (_jobServers)
        {
            servers = [.. _jobServers];
            _jobServers.Clear();
        }

        if (Interlocked.Exchange(ref _started, null) is { } started)
        {
            foreach (var server in servers)
            {
                await server.StopAsync(CancellationToken.None);
            }

            await (await started.GetRequiredService<ISchedulerFactory>().GetScheduler()).Shutdown(waitForJobsToComplete: true);
        }

        await base.DisposeAsync();
    }

    /// <summary>
    /// Keeps each Hangfire server the host makes (a transient hosted service, made once by the host), and the container
    /// once the host has started, so that <see cref="DisposeAsync"/> can stop them.
    /// </summary>
    private void KeepJobServers(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] is { ServiceType: var type, IsKeyedService: false, ImplementationFactory: { } factory } descriptor && type == typeof(IHostedService))
            {
                services[i] = ServiceDescriptor.Describe(typeof(IHostedService), provider =>
                {
                    var service = factory(provider);
                    if (service is BackgroundJobServerHostedService server)
                    {
                        lock (_jobServers)
                        {
                            _jobServers.Add(server);
                        }

                        provider.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => _started = provider);
                    }

                    return service;
                }, descriptor.Lifetime);
            }
        }
    }

    public HttpClient Anonymous() => CreateClient();

    public HttpClient Console() => WithToken("test-console-key");

    /// <summary>A client signed in as one of the test-mode users (docs/API.md), with a fresh token (the test clock may have expired older ones).</summary>
    public async Task<HttpClient> SignedInAs(string username)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/tokens", new { username, password = "Passw0rd!" });
        response.EnsureSuccessStatusCode();
        return WithToken((await response.Content.ReadFromJsonAsync<TokenBody>())!.Token);
    }

    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The shared app's address on loopback: it listens on a real port (Kestrel), so a browser can reach it.</summary>
    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static TestApp StartShared()
    {
        var app = new TestApp(testMode: true);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    private sealed record TokenBody(string Token);
}
