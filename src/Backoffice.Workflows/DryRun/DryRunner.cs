using System.Text.Json.Nodes;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Expressions;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.DryRun;

/// <summary>
/// Plays a definition over a sample order in memory with the engine's own rules: outcomes and
/// fork branches of <see cref="ActivityTypes"/>, joins that wait for every incoming branch,
/// decisions in the expression sandbox, SLAs, deadlines and timers on the working calendar.
/// Waiting steps are answered with the scenario's simulated outcomes on a simulated clock;
/// nothing is written anywhere.
/// </summary>
public static class DryRunner
{
    private const int MaxActivities = 500;

    public static DryRunResult Run(WorkflowDefinition definition, DryRunScenario scenario, WorkingCalendar calendar)
    {
        var run = new Playback(definition, scenario, calendar);
        return run.Play();
    }

    private sealed class Playback(WorkflowDefinition definition, DryRunScenario scenario, WorkingCalendar calendar)
    {
        private readonly List<DryRunStep> _steps = [];
        private readonly Dictionary<string, int> _visits = [];
        private readonly Dictionary<string, HashSet<string>> _arrived = [];
        private readonly PriorityQueue<(string Id, string? From), (DateTimeOffset, long)> _queue = new();
        private long _sequence;

        public DryRunResult Play()
        {
            var order = scenario.Order.DeepClone().AsObject();
            order["filingType"] ??= definition.FilingType;
            order["province"] ??= order["subject"]?["province"]?.DeepClone();
            Enqueue(definition.Start, null, scenario.StartAt);
            while (_queue.TryDequeue(out var next, out var key))
            {
                if (_steps.Count >= MaxActivities)
                {
                    return Stop($"超过 {MaxActivities} 个活动仍未结束 / more than {MaxActivities} activities without an end");
                }

                var at = key.Item1;
                var activity = definition.Find(next.Id)!;
                if (activity.Type == ActivityTypes.Join && !Arrive(activity.Id, next.From))
                {
                    continue;
                }

                var status = activity.Text("status");
                if (status is not null && activity.Type is ActivityTypes.HumanTask or ActivityTypes.WaitForApplicant or ActivityTypes.WaitForEvent or ActivityTypes.SetStatus)
                {
                    order["status"] = status;
                }

                try
                {
                    var finished = Execute(activity, at, status, order);
                    if (finished is not null)
                    {
                        return new DryRunResult(_steps, finished, at, null);
                    }
                }
                catch (ExpressionException ex)
                {
                    _steps.Add(new(activity.Id, activity.Type, activity.Name, at, null, Note: ex.Message));
                    return Stop(ex.Message);
                }
            }

            return Stop("所有分支都已停止，但未到达结束活动 / every branch stopped without reaching an end");
        }

        private string? Execute(ActivityDefinition activity, DateTimeOffset at, string? status, JsonObject order)
        {
            switch (activity.Type)
            {
                case ActivityTypes.HumanTask:
                    Duration.TryRead(activity.Properties["sla"], out var sla);
                    Answer(activity, at, status, sla.After(at, calendar), null, $"{activity.Text("team")}");
                    return null;
                case ActivityTypes.WaitForApplicant:
                    Duration.TryRead(activity.Properties["deadline"], out var deadline);
                    Answer(activity, at, status, deadline.After(at, calendar), "expired", activity.Text("action"));
                    return null;
                case ActivityTypes.WaitForEvent:
                    var timeoutOutcome = ActivityTypes.EventTimeoutOutcomes.GetValueOrDefault(activity.Text("event") ?? "");
                    DateTimeOffset? due = Duration.TryRead(activity.Properties["timeout"], out var timeout) ? timeout.After(at, calendar) : null;
                    Answer(activity, at, status, due, due is null ? null : timeoutOutcome, activity.Text("event"));
                    return null;
                case ActivityTypes.Delay:
                    Duration.TryRead(activity.Properties["duration"], out var delay);
                    var until = delay.After(at, calendar);
                    _steps.Add(new(activity.Id, activity.Type, activity.Name, at, "done", until, until));
                    Follow(activity.Id, ["done"], until);
                    return null;
                case ActivityTypes.Decision:
                    var verdict = ExpressionSandbox.EvaluateCondition(activity.Text("expression")!, order.ToJsonString()) ? "true" : "false";
                    Pass(activity, at, verdict, null);
                    return null;
                case ActivityTypes.Fork:
                    _steps.Add(new(activity.Id, activity.Type, activity.Name, at, string.Join(",", activity.List("branches"))));
                    Follow(activity.Id, activity.List("branches"), at);
                    return null;
                case ActivityTypes.Notify:
                    Pass(activity, at, "done", $"{activity.Text("channel")}: {Notifications.Render(activity.Text("template")!, order)}");
                    return null;
                case ActivityTypes.StartFollowUp:
                    Pass(activity, at, "done", activity.Text("definition"));
                    return null;
                case ActivityTypes.End:
                    var result = activity.Text("result")!;
                    _steps.Add(new(activity.Id, activity.Type, activity.Name, at, result, Status: order["status"]?.GetValue<string>()));
                    return result;
                default:
                    Pass(activity, at, "done", status);
                    return null;
            }
        }

        private void Answer(ActivityDefinition activity, DateTimeOffset at, string? status, DateTimeOffset? due, string? timeoutOutcome, string? note)
        {
            var outcome = SimulatedOutcome(activity);
            var answeredAt = outcome == timeoutOutcome && due is not null ? due.Value : calendar.AddWorkingHours(at, scenario.AnswerAfterWorkingHours);
            _steps.Add(new(activity.Id, activity.Type, activity.Name, at, outcome, due, answeredAt, answeredAt > due, status, note));
            Follow(activity.Id, [outcome], answeredAt);
        }

        private string SimulatedOutcome(ActivityDefinition activity)
        {
            var visit = _visits[activity.Id] = _visits.GetValueOrDefault(activity.Id) + 1;
            if (scenario.Outcomes.TryGetValue(activity.Id, out var planned) && planned.Count > 0)
            {
                return planned[Math.Min(visit, planned.Count) - 1];
            }

            return ActivityTypes.Find(activity.Type)!.OutcomesOf(activity).FirstOrDefault() ?? "done";
        }

        private void Pass(ActivityDefinition activity, DateTimeOffset at, string outcome, string? note)
        {
            _steps.Add(new(activity.Id, activity.Type, activity.Name, at, outcome, Note: note));
            Follow(activity.Id, [outcome], at);
        }

        private void Follow(string activityId, IEnumerable<string> outcomes, DateTimeOffset at)
        {
            foreach (var connection in outcomes.SelectMany(o => definition.From(activityId, o)))
            {
                Enqueue(connection.Target, activityId, at);
            }
        }

        private void Enqueue(string id, string? from, DateTimeOffset at) => _queue.Enqueue((id, from), (at, _sequence++));

        private bool Arrive(string joinId, string? from)
        {
            var arrived = _arrived.TryGetValue(joinId, out var set) ? set : _arrived[joinId] = [];
            if (from is not null)
            {
                arrived.Add(from);
            }

            if (arrived.Count < definition.Connections.Where(c => c.Target == joinId).Select(c => c.Source).Distinct().Count())
            {
                return false;
            }

            _arrived.Remove(joinId);
            return true;
        }

        private DryRunResult Stop(string error) => new(_steps, null, null, error);
    }
}
