using System.Text.Json.Nodes;
using Backoffice.Workflows.Activities;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Expressions;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Messaging;
using Backoffice.Workflows.ProvinceRules;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.DryRun;

/// <summary>
/// Plays a definition over a sample order in memory with the engine's own rules
/// (<see cref="ActivityBehaviour"/>): statuses, waits with their due times and timeout outcomes,
/// decisions over the order and the instance's variables, fork branches and joins, on the working calendar.
/// Waiting steps are answered with the scenario's simulated outcomes on a simulated clock;
/// nothing is written anywhere.
/// </summary>
public static class DryRunner
{
    private const int MaxActivities = 500;

    /// <summary>Plays <paramref name="definition"/> under the province rules in force (the shipped defaults when none are given).</summary>
    public static DryRunResult Run(WorkflowDefinition definition, DryRunScenario scenario, WorkingCalendar calendar, ProvinceRuleSet? rules = null)
    {
        var run = new Playback(definition, scenario, calendar, rules ?? ProvinceRuleDefaults.Set);
        return run.Play();
    }

    private sealed class Playback(WorkflowDefinition definition, DryRunScenario scenario, WorkingCalendar calendar, ProvinceRuleSet rules)
    {
        private readonly List<DryRunStep> _steps = [];
        private readonly Dictionary<string, int> _visits = [];
        private readonly JsonObject _variables = definition.Variables?.DeepClone() as JsonObject ?? [];
        private readonly PriorityQueue<(string Id, string? From), (DateTimeOffset, long)> _queue = new();
        private long _sequence;

        public DryRunResult Play()
        {
            var order = scenario.Order.DeepClone().AsObject();
            order["filingType"] ??= definition.FilingType;
            order["province"] ??= order["subject"]?["province"]?.DeepClone();
            ProvinceRuleVariables.Apply(_variables, rules, order["province"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? order["province"]!.GetValue<string>() : null,
                order["filingType"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? order["filingType"]!.GetValue<string>() : null);
            Enqueue(definition.Start, null, scenario.StartAt);
            while (_queue.TryDequeue(out var next, out var key))
            {
                if (_steps.Count >= MaxActivities)
                {
                    return Stop($"超过 {MaxActivities} 个活动仍未结束 / more than {MaxActivities} activities without an end");
                }

                var at = key.Item1;
                var activity = definition.Find(next.Id)!;
                if (activity.Type == ActivityTypes.Join && !ActivityBehaviour.Arrive(_variables, definition, activity.Id, next.From))
                {
                    continue;
                }

                var status = ActivityBehaviour.StatusOnEntry(activity, _variables);
                if (status is not null)
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
            if (activity.Type == ActivityTypes.End)
            {
                var result = activity.Text("result")!;
                _steps.Add(new(activity.Id, activity.Type, activity.Name, at, result, Status: order["status"]?.GetValue<string>()));
                return result;
            }

            if (ActivityBehaviour.WaitOf(activity, at, calendar, _variables) is { } wait)
            {
                Answer(activity, at, status, wait);
                return null;
            }

            var outcomes = ActivityBehaviour.Outcomes(activity, order, _variables);
            var note = activity.Type switch
            {
                ActivityTypes.Fork => null,
                ActivityTypes.Notify => $"{activity.Text("channel")}: {Notifications.Render(activity.Text("template")!, order)}",
                ActivityTypes.StartFollowUp => activity.Text("definition"),
                _ => status,
            };
            _steps.Add(new(activity.Id, activity.Type, activity.Name, at, string.Join(",", outcomes), Note: note));
            Follow(activity.Id, outcomes, at);
            return null;
        }

        /// <summary>A wait answered with the scenario's outcome after its working hours, or by its timeout at its due time.</summary>
        private void Answer(ActivityDefinition activity, DateTimeOffset at, string? status, ActivityWait wait)
        {
            if (wait.OnlyTimesOut)
            {
                _steps.Add(new(activity.Id, activity.Type, activity.Name, at, wait.TimeoutOutcome, wait.DueAt, wait.DueAt));
                Follow(activity.Id, [wait.TimeoutOutcome!], wait.DueAt!.Value);
                return;
            }

            var visit = _visits[activity.Id] = _visits.GetValueOrDefault(activity.Id) + 1;
            var outcome = scenario.OutcomeOf(activity, visit);
            var due = wait.DueAt;
            var answeredAt = outcome == wait.TimeoutOutcome && due is not null ? due.Value : calendar.AddWorkingHours(at, scenario.AnswerAfterWorkingHours);
            var note = wait.Kind == BookmarkKinds.Task ? activity.Text("team") : wait.EventName;
            _steps.Add(new(activity.Id, activity.Type, activity.Name, at, outcome, due, answeredAt, answeredAt > due, status, note));
            Follow(activity.Id, [outcome], answeredAt);
        }

        private void Follow(string activityId, IEnumerable<string> outcomes, DateTimeOffset at)
        {
            foreach (var connection in outcomes.SelectMany(o => definition.From(activityId, o)))
            {
                Enqueue(connection.Target, activityId, at);
            }
        }

        private void Enqueue(string id, string? from, DateTimeOffset at) => _queue.Enqueue((id, from), (at, _sequence++));

        private DryRunResult Stop(string error) => new(_steps, null, null, error);
    }
}
