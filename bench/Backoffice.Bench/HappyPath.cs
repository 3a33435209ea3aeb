using System.Diagnostics;
using System.Text.Json;
using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.ReviewTasks;
using Backoffice.Workflows.Steps;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backoffice.Bench;

/// <summary>
/// Drives orders through the shipped new-filing definition with the engine's own API: submit, three
/// reviews, the curtain photo, SMS verification and approval: seven engine steps (transactions) each.
/// </summary>
public sealed class HappyPath(IServiceProvider services, CommandMeter meter)
{
    private readonly StepTransaction _steps = services.GetRequiredService<StepTransaction>();
    private readonly FilingProcess _process = services.GetRequiredService<FilingProcess>();
    private readonly WorkflowEngine _engine = services.GetRequiredService<WorkflowEngine>();
    private readonly CompleteTask _completeTask = services.GetRequiredService<CompleteTask>();
    private readonly NpgsqlDataSource _dataSource = services.GetRequiredService<NpgsqlDataSource>();

    public async Task<Measurement> RunAsync(int count)
    {
        var ids = await InsertOrdersAsync(count);
        _inSteps = (0, TimeSpan.Zero);
        var wal = await WalPosition.ReadAsync(_dataSource);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await DriveAsync(id, watch);
        }

        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        wal = await WalPosition.ReadAsync(_dataSource) - wal;
        var activities = await CheckApprovedAsync(ids);
        return new Measurement(ids.Count * StepsPerOrder, activities, watch.Elapsed, cpu, _inSteps.Commands, _inSteps.Time, wal);
    }

    public const int StepsPerOrder = 7;

    /// <summary>New draft orders, ready to be driven; inserted before any clock starts.</summary>
    public async Task<List<Guid>> InsertOrdersAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await InsertOrderAsync());
        }

        return ids;
    }

    /// <summary>
    /// One order through its seven steps. The look-ups of its open tasks stop <paramref name="watch"/>
    /// when one is given; drivers running side by side share no clock, so theirs run on it.
    /// </summary>
    public async Task DriveAsync(Guid id, Stopwatch? watch)
    {
        await SubmitAsync(id);
        await CompleteTaskAsync(await OpenTaskAsync(id, watch));
        await SubmitAsync(id);
        await CompleteTaskAsync(await OpenTaskAsync(id, watch));
        await CompleteTaskAsync(await OpenTaskAsync(id, watch));
        await EventAsync(id, "sms-verified", "verified");
        await EventAsync(id, "bureau-result", "approved");
    }

    /// <summary>Fails unless every order reached approval; the activities their instances journalled.</summary>
    public async Task<int> CheckApprovedAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var activities = await connection.ExecuteScalarAsync<int>(
            "select count(*)::int from workflow_journal j join workflow_instances i on i.id = j.instance_id where i.order_id = any(@ids)", new { ids = ids.ToArray() });
        var approved = await connection.ExecuteScalarAsync<int>(
            "select count(*)::int from filing_orders where id = any(@ids) and status = 'approved'", new { ids = ids.ToArray() });
        if (approved != ids.Count)
        {
            throw new InvalidOperationException($"Only {approved} of {ids.Count} orders reached approval.");
        }

        return activities;
    }

    /// <summary>The commands the measured steps ran and the time spent in them.</summary>
    private (long Commands, TimeSpan Time) _inSteps;

    private async Task Step(Func<StepContext, Task> action)
    {
        var before = meter.Reading;
        await _steps.StepAsync("bench", async c =>
        {
            await action(c);
            return (true, true);
        }, CancellationToken.None);
        var after = meter.Reading;
        _inSteps = (_inSteps.Commands + after.Commands - before.Commands, _inSteps.Time + after.Time - before.Time);
    }

    /// <summary>As POST /api/filings/{id}/submit: the order locked with its applicant's bookmarks, then the submit.</summary>
    private Task SubmitAsync(Guid id) =>
        Step(async c =>
        {
            var waiting = await FilingProcess.WaitingForApplicantAsync(c, id);
            await _process.SubmitAsync(c, (await c.LockOrderAsync(id))!, waiting);
        });

    /// <summary>
    /// The order's open task, as a reviewer picks it from the order's tasks before completing it: a request of
    /// its own, so the clock is stopped while it runs.
    /// </summary>
    private async Task<Guid> OpenTaskAsync(Guid orderId, Stopwatch? watch)
    {
        watch?.Stop();
        await using var connection = await _dataSource.OpenConnectionAsync();
        var taskId = (await ReviewTaskStore.OfOrderAsync(connection, orderId, CancellationToken.None)).Single(t => t.Status == "open").Id;
        watch?.Start();
        return taskId;
    }

    /// <summary>As POST /api/tasks/{id}/complete: the order, task and instance in one read, then the completion.</summary>
    private Task CompleteTaskAsync(Guid taskId) =>
        Step(async c =>
        {
            var task = (await InstanceStore.LockTaskAsync(c, taskId))!;
            await _completeTask.FinishAsync(c, task, "bench", "approve", [], null);
        });

    /// <summary>As POST /api/bureau/events: the order locked with its waiting bookmarks, then the resume.</summary>
    private Task EventAsync(Guid id, string eventName, string outcome) =>
        Step(async c =>
        {
            var waiting = await BookmarkStore.OfOrderAsync(c, id, BookmarkKinds.Event, eventName);
            await _engine.ResumeAsync(c, waiting[0], outcome, null);
        });

    private async Task<Guid> InsertOrderAsync()
    {
        var id = Guid.CreateVersion7();
        var certificate = UnifiedSocialCreditCode.Create("91", "440300", id.ToString("N")[^8..].ToUpperInvariant().Replace('I', '1').Replace('O', '0').Replace('S', '5').Replace('V', 'W').Replace('Z', '2'));
        var body = new FilingOrderRequest
        {
            FilingType = FilingType.NewFiling, VerificationMethod = "curtain-photo",
            Subject = new SubjectInfo
            {
                Nature = "enterprise", Province = "440000", Name = "深圳市基准测试有限公司", CertificateType = "uscc", CertificateNumber = certificate,
                Principal = new PrincipalInfo { Name = "张三", Mobile = "13800138000", Email = "bench@example.com" },
            },
            Websites = [new WebsiteInfo { Name = "基准测试官网", Domains = [$"b{id:N}.com"], AccessResource = new AccessResourceInfo { Kind = "instance-ip", Value = "203.0.113.10" } }],
        };
        await using var connection = await _dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name, subject_certificate_type,
                subject_certificate_number, body, created_by, created_at, updated_at)
            values (@id, @number, 'new-filing', 'draft', '440000', 'enterprise', '深圳市基准测试有限公司', 'uscc', @certificate, @body::jsonb, 'bench', now(), now())
            """,
            new { id, number = "BENCH" + id.ToString("N"), certificate, body = JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)) });
        return id;
    }
}
