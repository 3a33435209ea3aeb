using Backoffice.Workflows;
using Backoffice.Workflows.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>What lets any node of one database serve any request (docs/OPERATIONS.md).</summary>
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
        return builder;
    }
}
