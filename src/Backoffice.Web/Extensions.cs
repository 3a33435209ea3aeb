using System.Text.Encodings.Web;
using System.Text.Unicode;
using Backoffice.Web.Features.Auth;
using Backoffice.Web.Features.Bureau;
using Backoffice.Web.Features.Console;
using Backoffice.Web.Features.Dashboard;
using Backoffice.Web.Features.Definitions;
using Backoffice.Web.Features.Tasks;
using Backoffice.Web.Features.Demo;
using Backoffice.Web.Features.Filings;
using Backoffice.Web.Features.Health;
using Backoffice.Web.Features.Inbox;
using Backoffice.Web.Features.Operations;
using Backoffice.Web.Features.ProvinceRules;
using Backoffice.Web.Features.Reports;
using Backoffice.Web.Features.TestMode;
using Backoffice.Web.Infrastructure;
using Backoffice.Web.Infrastructure.Nodes;
using Backoffice.Workflows;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Database;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Npgsql;

namespace Backoffice.Web;

/// <summary>The host's wiring: services in AddBackoffice, pipeline and endpoints in UseBackoffice.</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddBackoffice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        services.AddWorkflows(builder.Configuration);
        builder.AddNodes();
        services.PostConfigure<BackofficeOptions>(o =>
        {
            if (o.TestMode && !o.ConsoleApiKeys.Contains(DemoAccounts.ConsoleKey))
            {
                o.ConsoleApiKeys.Add(DemoAccounts.ConsoleKey);
            }
        });
        services.AddSingleton<SignIn>();
        services.AddSingleton<SignInLimits>();
        services.AddScoped<OrderPreparation>();
        services.AddSingleton<Backoffice.Web.Features.Orders.OrderChecks>();
        services.AddSingleton<BureauResultBatch>();
        services.AddSingleton<Backoffice.Web.Features.Board.StaffNotices>();
        services.AddReportDelivery();
        services.AddStaffAuthentication();
        services.AddBackofficePolicies();
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<UiText>();
        services.AddProblemDetails();
        BindingFailures.Configure(services);
        services.AddOpenApi(OpenApiDocument.Configure);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<SchedulersHealthCheck>("schedulers");
        services.AddSingleton<DemoOrders>();
        services.AddHostedService<StartupBanner>();
        services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhooks"));
        services.AddHttpClient(WebhookDispatcher.Client).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<Backoffice.Web.Features.Dashboard.DashboardRefresher>();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName);
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new HangfireLogging(provider.GetRequiredService<ILoggerFactory>()))
            .UseJobTracing()
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseTypeResolver(NotificationJob.ResolveJobType)
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(connectionString),
                JobStorageOptions.Create()));
        services.AddHangfireServer((provider, o) =>
        {
            o.WorkerCount = 4;
            provider.GetRequiredService<NodeIdentity>().ConfigureJobServer(o);
        });
        return builder;
    }

    /// <summary>Migrates the database, loads the clock and seeds demo accounts before the app serves.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BackofficeOptions>>().Value;
        if ((options.TestMode || options.DemoData) && app.Environment.IsProduction())
        {
            throw new InvalidOperationException("Backoffice:TestMode and Backoffice:DemoData are refused in production.");
        }

        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        if (options.MigrateOnStart)
        {
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        await app.Services.GetRequiredService<ApplicationClock>().LoadAsync(dataSource, app.Lifetime.ApplicationStopping);
        await using (var connection = await dataSource.OpenConnectionAsync(app.Lifetime.ApplicationStopping))
        {
            await DefinitionStore.ImportDefaultsAsync(connection, TimeProvider.System.GetUtcNow(), app.Lifetime.ApplicationStopping);
        }

        if (options.TestMode || options.DemoData)
        {
            await DemoAccounts.SeedAsync(dataSource, app.Lifetime.ApplicationStopping);
        }
    }

    public static WebApplication UseBackoffice(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<OrderLogScope>();
        app.UseErrorPages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyKeys>();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapTokensApi();
        app.MapPageTokens();
        app.MapFilingsApi();
        app.MapTestModeApi();
        app.MapTasksApi();
        app.MapInboxViewsApi();
        app.MapBureauEventsApi();
        app.MapDefinitionsApi();
        app.MapDesignerApi();
        app.MapInstancesApi();
        app.MapReportsApi();
        app.MapDashboardApi();
        app.MapReportDeliveryApi();
        app.MapEventsApi();
        app.MapWebhooksApi();
        app.MapProvinceRulesApi();
        app.MapReferenceConsole();
        app.MapRazorPages();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AppPath = "/" }).RequireAuthorization(Policies.Admin);
        return app;
    }
}
