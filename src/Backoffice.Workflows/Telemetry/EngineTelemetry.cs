using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Backoffice.Workflows.Telemetry;

/// <summary>
/// The engine's traces and metrics (docs/OPERATIONS.md): a span per engine step, tagged with the
/// orders it locked and the workflow activities it stood at; counts and durations of steps.
/// </summary>
public static class EngineTelemetry
{
    public const string Name = "Backoffice.Engine";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Steps = Meter.CreateCounter<long>("backoffice.engine.steps", "{step}", "Engine steps run, by outcome (committed or not).");

    /// <summary>Tags a step's span with the orders it locked and the workflow definitions it ran.</summary>
    internal static void Describe(Activity? span, Steps.StepContext context)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag("backoffice.order.number", string.Join(",", context.Orders.Select(o => o.OrderNumber)));
        span.SetTag("backoffice.workflow", string.Join(",", context.Instances.Select(i => $"{i.DefinitionId} v{i.Version}").Distinct()));
    }

    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("backoffice.engine.step.duration", "s", "Time an engine step takes, from its connection to its commit.");
}
