using Backoffice.Workflows;
using Backoffice.Workflows.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>What lets any node of one database serve any request behind a proxy, observed (docs/OPERATIONS.md).</summary>
public static class NodesExtensions
{
    public const string ApplicationName = "backoffice";

    public static WebApplicationBuilder AddNodes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NodeOptions>().BindConfiguration(BackofficeOptions.Section)
            .Validate(o => o.TestMode || o.DemoData || o.DataProtectionKey is { Length: > 0 },
                "Backoffice:DataProtectionKey is not set: every node needs the same secret (at least 32 characters) to read the key ring that signs staff cookies and forms (docs/OPERATIONS.md).")
            .Validate(o => o.DataProtectionKey is not { Length: > 0 and < KeyRingSecret.MinimumLength },
                $"Backoffice:DataProtectionKey is shorter than {KeyRingSecret.MinimumLength} characters.")
            .Validate(ProxyHeaders.AreValid, "Backoffice:KnownProxies holds IP addresses and Backoffice:KnownNetworks CIDR networks (10.0.0.0/24).")
            .ValidateOnStart();
        services.AddSingleton<KeyRingSecret>();
        services.AddSingleton<KeyRingRepository>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = sp.GetRequiredService<KeyRingRepository>();
            o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<KeyRingSecret>());
        }));
        services.AddHostedService<NodeSignals>();
        services.AddSingleton<NodeIdentity>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = NodeIdentity.ShutdownTimeout);
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ProxyHeaders>();
        services.AddHostedService<NodeReport>();
        builder.AddTelemetry();
        return builder;
    }

    /// <summary>Forwarded headers from known proxies first; /healthz/live (the process answers) and /healthz/ready (this node can work).</summary>
    public static WebApplication UseNodes(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready").AllowAnonymous();
        app.UseTelemetry();
        return app;
    }
}
