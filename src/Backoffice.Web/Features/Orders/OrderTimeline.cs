using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Labels;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// An order's history as people read it: business events (submitted, returned with reasons, materials
/// uploaded, approved by whom, at the bureau, SMS verified, filing numbers) in the page's language,
/// grouped by the public status the order was in; the line saying where the order is now; and, for
/// compliance and admins, the engine's journal as technical details.
/// </summary>
public sealed record OrderTimeline(OrderTimeline.Now Current, IReadOnlyList<OrderTimeline.Stage> Stages, IReadOnlyList<OrderTimeline.JournalLine>? Journal)
{
    public sealed record Line(DateTimeOffset At, string Text, string? Detail = null);

    public sealed record Stage(string Label, DateTimeOffset At, List<Line> Lines);

    /// <summary>Where the order is: its stage, who it waits for, since when, and until when.</summary>
    public sealed record Now(string Stage, string? WaitingFor, DateTimeOffset? Since, DateTimeOffset? Due);

    public sealed record JournalLine
    {
        public DateTimeOffset At { get; init; }
        public string Step { get; init; } = "";
        public string? Outcome { get; init; }
        public string Actor { get; init; } = "";
        public string? Note { get; init; }
    }

    private sealed record StatusRow(DateTimeOffset At, string Status, string? Step, string Actor, string? Note);

    /// <summary>What a review decision recorded besides its outcome: the checklist ticked and the fields and materials returned.</summary>
    private sealed record Decision
    {
        public Guid TaskId { get; init; }
        public string[] Checklist { get; init; } = [];
        public string ReturnItems { get; init; } = "[]";
    }

    private sealed record ReturnItem(string Path, string Reason);

    private sealed record Waiting(string Kind, string? EventName, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);

    /// <summary>What compliance did to the order's workflow: an incident retried or cancelled, a migration to another version.</summary>
    private sealed record Operation(DateTimeOffset At, string Kind, string? Step, string Actor, string? Note);

    /// <summary>The engine's journal is for those who change the workflow: compliance managers and admins.</summary>
    public static bool MaySeeJournal(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Compliance) || user.IsInRole(Roles.Admin);

    public static async Task<OrderTimeline> LoadAsync(
        NpgsqlConnection connection, OrderDetails details, StaffNames names, bool english, bool technical, CancellationToken ct)
    {
        var id = details.Order.Id;
        var statuses = (await connection.QueryAsync<StatusRow>(new CommandDefinition(
            "select at, status, step, actor, note from filing_timeline where order_id = @id order by at, id", new { id }, cancellationToken: ct))).AsList();
        var waiting = (await connection.QueryAsync<Waiting>(new CommandDefinition(
            """
            select b.kind, b.event_name, b.due_at, b.created_at from workflow_bookmarks b
            join workflow_instances i on i.id = b.instance_id where i.order_id = @id and b.kind <> 'timer' order by b.created_at
            """, new { id }, cancellationToken: ct))).AsList();
        var journal = technical
            ? (await connection.QueryAsync<JournalLine>(new CommandDefinition(
                """
                select at, coalesce(activity_name, activity_id) as step, outcome, actor, note from workflow_journal
                where instance_id in (select i.id from workflow_instances i where i.order_id = @id) order by at, id
                """, new { id }, cancellationToken: ct))).ToList()
            : null;
        if (journal is not null)
        {
            var actors = await StaffNames.LoadAsync(connection, journal.Select(j => j.Actor), ct);
            journal = journal.Select(j => j with { Actor = actors.Of(j.Actor, english), Note = ChinaClock.InText(j.Note) }).ToList();
        }

        var decisions = (await connection.QueryAsync<Decision>(new CommandDefinition(
            """
            select d.task_id, d.checklist, d.return_items::text as return_items from review_decisions d
            join review_tasks t on t.id = d.task_id where t.order_id = @id
            """, new { id }, cancellationToken: ct))).ToDictionary(d => d.TaskId);
        var operations = (await connection.QueryAsync<Operation>(new CommandDefinition(
            """
            select at, activity_type as kind, activity_name as step, actor, note from workflow_journal
            where instance_id in (select i.id from workflow_instances i where i.order_id = @id)
              and activity_type in ('retry', 'incident-cancel', 'migration') order by at, id
            """, new { id }, cancellationToken: ct))).AsList();
        var operators = await StaffNames.LoadAsync(connection, operations.Select(o => o.Actor), ct);
        var stages = Group(details, statuses, decisions, (operations, operators), names, english);
        return new OrderTimeline(Where(details, waiting, statuses, names, english), stages, journal);
    }

    /// <summary>Status changes open stages; a decision taken at the very moment the status changed belongs to the stage it ended.</summary>
    private static List<Stage> Group(
        OrderDetails details, List<StatusRow> statuses, Dictionary<Guid, Decision> decisions,
        (List<Operation> Rows, StaffNames Names) operations, StaffNames names, bool english)
    {
        string T(string zh, string en) => english ? en : zh;
        string Submission(int n) => T($"提交管局（第 {n} 次）", $"Submitted to the bureau (submission {n})");
        var events = new List<(DateTimeOffset At, int Rank, string? Status, Line Line)>();
        var submissions = 0;
        foreach (var s in statuses)
        {
            var text = s.Step switch
            {
                "created" => T("申请人创建订单", "The applicant created the order"),
                "submit" => T("申请人提交订单", "The applicant submitted the order"),
                "resubmit" => T("申请人修改后重新提交", "The applicant resubmitted the order"),
                "updated" => T("申请人修改了订单", "The applicant edited the order"),
                "withdraw" => T("申请人撤回了订单", "The applicant withdrew the order"),
                _ => s.Status switch
                {
                    FilingStatus.AtBureau => Submission(++submissions),
                    FilingStatus.SmsVerification => T("管局已发送短信核验，等待负责人回复", "The bureau sent its SMS verification; waiting for the principal's reply"),
                    FilingStatus.Expired => T("申请人未在期限内处理，订单已失效", "The applicant did not answer in time; the order expired"),
                    _ => null,
                },
            };
            events.Add((s.At, 1, s.Status, new Line(s.At, text ?? "", null)));
        }

        foreach (var m in details.Materials)
        {
            var site = m.WebsiteIndex is { } i ? T($"（网站 {i + 1}）", $" (website {i + 1})") : "";
            events.Add((m.UploadedAt, 0, null, new Line(m.UploadedAt, T("上传材料：", "Material uploaded: ") + LabelCatalogue.Of(LabelSet.MaterialKind, m.Kind, english) + site)));
        }

        foreach (var t in details.Tasks)
        {
            var team = LabelCatalogue.Of(LabelSet.Team, t.Team, english);
            events.Add((t.CreatedAt, 2, null, new Line(t.CreatedAt, T($"「{t.Step}」交由{team}审核", $"“{t.Step}” handed to the {team}"))));
            if (t.CompletedAt is { } done && t.Outcome is not null)
            {
                var who = names.Of(t.CompletedBy, english);
                var outcome = LabelCatalogue.Of(LabelSet.Outcome, t.Outcome, english);
                var reasons = t.ReasonCodes.Length > 0 ? details.ReasonNames.Join(t.ReasonCodes, english) : null;
                var recorded = decisions.TryGetValue(t.Id, out var decision) ? Recorded(decision, english) : [];
                var detail = string.Join(english ? "; " : "；",
                    new[] { reasons, string.IsNullOrEmpty(t.Comment) ? null : $"「{t.Comment}」" }.Concat(recorded).OfType<string>());
                events.Add((done, 0, null, new Line(done, T($"{who}：{t.Step} — {outcome}", $"{who}: {t.Step} — {outcome}"), detail.Length == 0 ? null : detail)));
            }
        }

        foreach (var o in operations.Rows)
        {
            var who = operations.Names.Of(o.Actor, english);
            var text = o.Kind switch
            {
                "retry" => T($"{who}：流程在「{o.Step}」出错后重试", $"{who}: the workflow was retried at “{o.Step}” after it failed"),
                "incident-cancel" => T($"{who}：出错的流程已取消", $"{who}: the failed workflow was cancelled"),
                _ => T($"{who}：流程迁移到新版本（{o.Note}）", $"{who}: the workflow moved to another version ({o.Note})"),
            };
            events.Add((o.At, 0, null, new Line(o.At, text, o.Kind == "incident-cancel" ? $"「{o.Note}」" : null)));
        }

        foreach (var e in details.BureauEvents)
        {
            var kind = LabelCatalogue.Of(LabelSet.BureauEvent, e.Kind, english);
            var note = e.Applied ? null : T("重复或过时，未改变订单", "duplicate or late; the order is unchanged");
            var reasons = e.ReasonCodes.Length > 0 ? details.ReasonNames.Join(e.ReasonCodes, english) : null;
            var detail = string.Join(english ? "; " : "；", new[] { reasons, note }.OfType<string>());
            events.Add((e.ReceivedAt, 0, null, new Line(e.ReceivedAt, T($"管局结果：{kind}（{names.Of(e.ReceivedBy, english)}记录）", $"Bureau: {kind} (recorded by {names.Of(e.ReceivedBy, english)})"), detail.Length == 0 ? null : detail)));
        }

        var stages = new List<Stage>();
        foreach (var (at, _, status, line) in events.OrderBy(e => e.At).ThenBy(e => e.Rank))
        {
            if (status is not null && (stages.Count == 0 || stages[^1].Label != LabelCatalogue.Of(LabelSet.Status, status, english)))
            {
                stages.Add(new Stage(LabelCatalogue.Of(LabelSet.Status, status, english), at, []));
                if (status == FilingStatus.Approved)
                {
                    AddNumbers(details, stages[^1], at, english);
                }
            }

            if (line.Text.Length > 0)
            {
                if (stages.Count == 0)
                {
                    stages.Add(new Stage(LabelCatalogue.Of(LabelSet.Status, FilingStatus.Draft, english), at, []));
                }

                stages[^1].Lines.Add(line);
            }
        }

        return stages;
    }

    /// <summary>The checklist items ticked and the fields and materials a return concerns, each field by its label with its reason.</summary>
    private static IEnumerable<string?> Recorded(Decision decision, bool english)
    {
        var separator = english ? ", " : "、";
        var items = System.Text.Json.JsonSerializer.Deserialize<List<ReturnItem>>(decision.ReturnItems, JsonBody.Options) ?? [];
        yield return decision.Checklist.Length == 0 ? null : (english ? "Checked: " : "已核对：") + string.Join(separator, decision.Checklist);
        yield return items.Count == 0 ? null : (english ? "Returned: " : "退回涉及：") +
            string.Join(separator, items.Select(i => english ? $"{FieldLabels.Of(i.Path, english)} ({i.Reason})" : $"{FieldLabels.Of(i.Path, english)}（{i.Reason}）"));
    }

    private static void AddNumbers(OrderDetails details, Stage stage, DateTimeOffset at, bool english)
    {
        var numbers = new[] { details.Order.SubjectFilingNumber }.Concat(details.Order.WebsiteFilingNumbers).OfType<string>().Distinct().ToList();
        if (numbers.Count > 0)
        {
            stage.Lines.Add(new Line(at, (english ? "Filing numbers assigned: " : "分配备案号：") + string.Join(english ? ", " : "，", numbers)));
        }
    }

    private static Now Where(OrderDetails details, List<Waiting> waiting, List<StatusRow> statuses, StaffNames names, bool english)
    {
        string T(string zh, string en) => english ? en : zh;
        var stage = LabelCatalogue.Of(LabelSet.Status, details.Order.Status, english);
        var since = statuses.LastOrDefault(s => s.Status == details.Order.Status)?.At;
        var task = details.Tasks.LastOrDefault(t => t.Status == "open");
        if (task is not null)
        {
            var team = LabelCatalogue.Of(LabelSet.Team, task.Team, english);
            var holder = task.Assignee is null ? T("待领取", "unclaimed") : T($"{names.Of(task.Assignee, english)}处理中", $"held by {names.Of(task.Assignee, english)}");
            return new Now(stage, T($"{team}「{task.Step}」（{holder}）", $"the {team}: “{task.Step}” ({holder})"), task.CreatedAt, task.DueAt);
        }

        var wait = waiting.LastOrDefault(w => w.Kind != "task");
        if (wait is not null)
        {
            var who = wait.Kind == "applicant"
                ? T("申请人：", "the applicant: ") + LabelCatalogue.Of(LabelSet.ApplicantAction, wait.EventName, english)
                : LabelCatalogue.Of(LabelSet.WorkflowEvent, wait.EventName, english);
            return new Now(stage, who, wait.CreatedAt, wait.DueAt);
        }

        return new Now(stage, FilingStatus.Terminal.Contains(details.Order.Status) ? null : T("流程处理", "the workflow"), since, null);
    }
}
