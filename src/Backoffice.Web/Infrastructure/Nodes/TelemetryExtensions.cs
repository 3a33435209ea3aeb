using Backoffice.Web.Features.Console;
using Backoffice.Workflows.Telemetry;
using Hangfire;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>
/// OpenTelemetry: traces of requests, Npgsql commands, Hangfire jobs and engine steps; metrics of requests, steps,
/// webhook deliveries and the desk (open and breached tasks per team, bureau queue, SLA escalations); a Prometheus scrape endpoint
/// for admins at /api/metrics; every log line carries its trace and span id.
/// </summary>
public static class TelemetryExtensions
{
    public const string ScrapePath = "/api/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.AddHostedService<OperationsGauges>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(NodesExtensions.ApplicationName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddNpgsql()
                .AddSource(EngineTelemetry.Name, JobTracing.SourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(EngineTelemetry.Name, WebhookTelemetry.Name)
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Spans of Hangfire jobs (<see cref="JobTracing"/>), added once to Hangfire's process-wide filters.</summary>
    public static IGlobalConfiguration UseJobTracing(this IGlobalConfiguration configuration)
    {
        if (!GlobalJobFilters.Filters.Any(f => ReferenceEquals(f.Instance, JobTracing.Instance)))
        {
            configuration.UseFilter(JobTracing.Instance);
        }

        return configuration;
    }

    public static WebApplication UseTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(Policies.Admin);
        return app;
    }
}
