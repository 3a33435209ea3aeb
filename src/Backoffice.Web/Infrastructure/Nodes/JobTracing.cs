using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace Backoffice.Web.Infrastructure.Nodes;

/// <summary>
/// A span per Hangfire job run ("job ReportBuildJob.RunAsync", source Backoffice.Jobs), tagged with the job's id,
/// and a failed run marked as an error. A job enqueued inside a trace (a request, another job) carries that trace's
/// context in its job parameter <c>traceparent</c>, so its run joins the trace that asked for it even on another
/// node; the engine steps and database commands of the job sit under its span.
/// </summary>
public sealed class JobTracing : JobFilterAttribute, IClientFilter, IServerFilter
{
    public const string SourceName = "Backoffice.Jobs";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The one instance in Hangfire's global filters (several apps of one process share them).</summary>
    public static readonly JobTracing Instance = new();

    private const string Parameter = "traceparent";
    private const string SpanItem = "backoffice.job.span";

    private JobTracing()
    {
    }

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current is { } current)
        {
            context.SetJobParameter(Parameter, current.Id);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        ActivityContext.TryParse(context.GetJobParameter<string>(Parameter), null, out var parent);
        var span = Source.StartActivity($"job {job.Type.Name}.{job.Method.Name}", ActivityKind.Consumer, parent);
        if (span is null)
        {
            return;
        }

        span.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        span.SetTag("hangfire.job.type", job.Type.FullName);
        context.Items[SpanItem] = span;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(SpanItem, out var item) || item is not Activity span)
        {
            return;
        }

        if (context.Exception is { } exception && !context.ExceptionHandled)
        {
            span.SetStatus(ActivityStatusCode.Error, exception.GetBaseException().GetType().Name);
        }

        span.Dispose();
    }
}
