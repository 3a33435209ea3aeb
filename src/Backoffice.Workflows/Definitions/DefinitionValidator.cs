using System.Text.Json.Nodes;
using Backoffice.Workflows.Expressions;
using Dapper;
using Npgsql;

namespace Backoffice.Workflows.Definitions;

/// <summary>
/// Checks a whole definition before it may be published and while it is edited: unknown types,
/// property values, connections and dangling outcomes, reachability from the start, and cycles
/// that no waiting step breaks (they would spin forever). Reports every error with its activity. Teams and
/// reason codes are checked against the known ones when they are given (the database's teams and active catalogue).
/// </summary>
public static class DefinitionValidator
{
    /// <summary>The validation against the teams and the active return-reason catalogue of the database.</summary>
    public static async Task<IReadOnlyList<DefinitionError>> ValidateAsync(NpgsqlConnection connection, WorkflowDefinition definition, CancellationToken ct)
    {
        var teams = (await connection.QueryAsync<string>(new CommandDefinition("select id from teams", cancellationToken: ct))).ToHashSet();
        var reasons = (await connection.QueryAsync<string>(new CommandDefinition("select code from reason_codes where active", cancellationToken: ct))).ToHashSet();
        return Validate(definition, teams, reasons);
    }

    public static IReadOnlyList<DefinitionError> Validate(
        WorkflowDefinition definition, IReadOnlySet<string>? knownTeams = null, IReadOnlySet<string>? knownReasons = null)
    {
        var errors = new List<DefinitionError>();
        var ids = new HashSet<string>();
        foreach (var activity in definition.Activities)
        {
            if (string.IsNullOrWhiteSpace(activity.Id) || !ids.Add(activity.Id))
            {
                errors.Add(new(activity.Id, DefinitionErrorCodes.DuplicateId, $"活动编号为空或重复 / Activity id empty or duplicated: '{activity.Id}'"));
            }

            var type = ActivityTypes.Find(activity.Type);
            if (type is null)
            {
                errors.Add(new(activity.Id, DefinitionErrorCodes.UnknownType, $"未知的活动类型 / Unknown activity type '{activity.Type}'"));
                continue;
            }

            PropertyChecks.Check(activity, type, knownTeams, errors);
            PropertyChecks.CheckReasonCodes(activity, knownReasons, errors);
        }

        if (definition.Find(definition.Start) is null)
        {
            errors.Add(new(null, DefinitionErrorCodes.StartMissing, $"起始活动不存在 / Start activity '{definition.Start}' does not exist"));
        }

        CheckConnections(definition, errors);
        GraphChecks.CheckReachability(definition, errors);
        GraphChecks.CheckBlockingFreeCycles(definition, errors);
        return errors;
    }

    private static void CheckConnections(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        foreach (var connection in definition.Connections)
        {
            var source = definition.Find(connection.Source);
            if (source is null)
            {
                errors.Add(new(connection.Source, DefinitionErrorCodes.ConnectionSourceMissing, $"连线起点不存在 / Connection source '{connection.Source}' does not exist"));
                continue;
            }

            if (definition.Find(connection.Target) is null)
            {
                errors.Add(new(source.Id, DefinitionErrorCodes.ConnectionTargetMissing, $"连线终点不存在 / Connection target '{connection.Target}' does not exist"));
            }

            var type = ActivityTypes.Find(source.Type);
            if (type is not null && !type.OutcomesOf(source).Contains(connection.Outcome))
            {
                errors.Add(new(source.Id, DefinitionErrorCodes.UnknownOutcome, $"活动没有结果 '{connection.Outcome}' / Activity has no outcome '{connection.Outcome}'"));
            }
        }

        foreach (var activity in definition.Activities)
        {
            var type = ActivityTypes.Find(activity.Type);
            if (type is null)
            {
                continue;
            }

            foreach (var outcome in type.OutcomesOf(activity).Where(o => !definition.From(activity.Id, o).Any()))
            {
                errors.Add(new(activity.Id, DefinitionErrorCodes.DanglingOutcome, $"结果 '{outcome}' 没有连接到任何活动 / Outcome '{outcome}' is not connected"));
            }

            if (activity.Type == ActivityTypes.Join && definition.IncomingCount(activity.Id) < 2)
            {
                errors.Add(new(activity.Id, DefinitionErrorCodes.JoinNeedsTwo, "汇合至少需要两条进入的连线 / A join needs at least two incoming connections"));
            }
        }
    }

    internal static bool IsString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s);

    internal static ExpressionCheck CompileExpression(string expression) => ExpressionSandbox.Compile(expression);
}
