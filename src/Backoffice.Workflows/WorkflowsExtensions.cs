using Backoffice.Workflows.Activities;
using Backoffice.Workflows.Bureau;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Database;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Domains;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.Registry;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Steps;
using Backoffice.Workflows.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backoffice.Workflows;

public static class WorkflowsExtensions
{
    /// <summary>The filing domain, the workflow engine, the database and the application clock.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackofficeOptions>().BindConfiguration(BackofficeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BureauSimulatorOptions>().BindConfiguration("BureauSimulator").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TimerOptions>().BindConfiguration("Timers").ValidateDataAnnotations().ValidateOnStart();
        services.AddBackofficeDatabase(configuration);
        services.AddWorkingDaySchedules(configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName)!);
        services.AddSingleton(_ => new ApplicationClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ApplicationClock>());
        services.AddSingleton(sp => new RegistryStore(sp.GetRequiredService<IOptions<BackofficeOptions>>().Value.ProviderCode));
        services.AddSingleton(new FilingRules());

        services.AddSingleton<WorkingCalendarStore>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<BureauActivities>();
        services.AddSingleton<BureauEvents>();
        services.AddSingleton<Notifications>();
        services.AddSingleton<ActivityExecutor>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<StepTransaction>();
        services.AddSingleton<FilingProcess>();
        services.AddSingleton<CompleteTask>();
        services.AddSingleton<Operations.Incidents>();
        services.AddSingleton<Operations.InstanceMigrations>();
        services.AddTransient<Operations.MigrationJob>();
        services.AddSingleton<TimerSweep>();
        services.AddHostedService<TimerSweepService>();
        services.AddSingleton<BureauSimulator>();
        services.AddSingleton<IBureauAdapter>(sp => sp.GetRequiredService<BureauSimulator>());
        services.AddSingleton<IDomainRegistry, DomainRegistrySimulator>();
        services.AddTransient<BureauSubmissionJob>();
        services.AddMessaging();
        services.AddTransient<NotificationJob>();
        services.AddTransient<TimerJob>();
        return services;
    }
}
