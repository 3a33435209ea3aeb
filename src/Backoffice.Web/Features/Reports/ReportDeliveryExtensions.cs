namespace Backoffice.Web.Features.Reports;

/// <summary>Report builds in the background, the archive and the subscriptions.</summary>
public static class ReportDeliveryExtensions
{
    public static IServiceCollection AddReportDelivery(this IServiceCollection services)
    {
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Backoffice.Reports.ReportTargets>().BindConfiguration(Backoffice.Reports.ReportTargets.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportJobs>();
        services.AddSingleton<ReportBuilds>();
        services.AddSingleton<ReportBuildCompletion>();
        services.AddSingleton<ArchiveQueries>();
        services.AddSingleton<SubscriptionSchedule>();
        services.AddSingleton<Subscriptions>();
        services.AddTransient<ReportBuildJob>();
        services.AddTransient<SubscriptionFiringJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapReportDeliveryApi(this IEndpointRouteBuilder app) =>
        app.MapReportBuildsApi().MapSubscriptionsApi();
}
