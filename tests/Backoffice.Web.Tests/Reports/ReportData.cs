using System.Security.Cryptography;
using System.Text.Json;
using Backoffice.Web.Tests.Support;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// A known data set written straight into the engine's tables, so report figures can be checked
/// against values worked out by hand. Each test uses its own province and period.
/// </summary>
public sealed class ReportData(NpgsqlConnection db)
{
    public static DateTimeOffset China(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    public static async Task<ReportData> OpenAsync()
    {
        _ = TestApp.Instance.Address;
        return new ReportData(await TestApp.OpenDatabaseAsync());
    }

    public NpgsqlConnection Db => db;

    /// <summary>An order with a running new-filing instance; returns (order id, instance id, order number).</summary>
    public async Task<(Guid Order, Guid Instance, string Number)> OrderAsync(
        string province, DateTimeOffset createdAt, string filingType = "new-filing", string subjectName = "新疆测试科技有限公司",
        string nature = "enterprise", string[]? websiteNumbers = null, string? publicSecurityNumber = null)
    {
        var id = Guid.CreateVersion7();
        var number = "R" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        await db.ExecuteAsync(
            """
            insert into filing_orders (id, order_number, filing_type, status, province, subject_nature, subject_name,
                subject_certificate_type, subject_certificate_number, body, created_by, created_at, updated_at,
                website_filing_numbers, public_security_number)
            values (@id, @number, @filingType, 'approved', @province, @nature, @subjectName, 'uscc', @number, '{}', 'console',
                @createdAt, @createdAt, @websiteNumbers, @publicSecurityNumber)
            """,
            new { id, number, filingType, province, nature, subjectName, createdAt, websiteNumbers = websiteNumbers ?? [], publicSecurityNumber });
        var instance = await InstanceAsync(id, "new-filing", createdAt);
        return (id, instance, number);
    }

    public async Task<Guid> InstanceAsync(Guid orderId, string definition, DateTimeOffset createdAt)
    {
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            insert into workflow_instances (id, definition_id, version, order_id, status, created_at, updated_at)
            values (@id, @definition, 1, @orderId, 'running', @createdAt, @createdAt)
            """, new { id, definition, orderId, createdAt });
        return id;
    }

    public Task TaskAsync(
        (Guid Order, Guid Instance, string Number) order, string team, string? assignee, DateTimeOffset created, DateTimeOffset due,
        DateTimeOffset? completed, string status = "done") =>
        db.ExecuteAsync(
            """
            insert into review_tasks (id, instance_id, bookmark_id, order_id, activity_id, step, team, outcomes, assignee, status,
                created_at, due_at, outcome, completed_by, completed_at)
            values (@id, @instance, @bookmark, @order, @team, @step, @team, '{approve,return}', @assignee, @status,
                @created, @due, @outcome, @completedBy, @completed)
            """,
            new
            {
                id = Guid.CreateVersion7(), instance = order.Instance, bookmark = Guid.NewGuid(), order = order.Order, team, assignee, status,
                step = team switch { "initial-review" => "初审", "verification" => "幕布照审核", "second-review" => "复审", _ => "审核" },
                created, due, outcome = completed is null ? null : "approve", completedBy = completed is null ? null : assignee, completed,
            });

    public Task SubmissionAsync(Guid order, int attempt, DateTimeOffset submitted, DateTimeOffset? sent) =>
        db.ExecuteAsync(
            "insert into bureau_submissions (order_id, attempt, submitted_at, sent_at) values (@order, @attempt, @submitted, @sent)",
            new { order, attempt, submitted, sent });

    public Task StatusAsync(Guid order, string status, DateTimeOffset at) =>
        db.ExecuteAsync("insert into filing_timeline (order_id, at, status, actor) values (@order, @at, @status, 'system')", new { order, at, status });

    public Task BureauEventAsync(Guid order, string kind, DateTimeOffset at, bool applied = true, params string[] reasonCodes) =>
        db.ExecuteAsync(
            """
            insert into bureau_events (id, order_id, kind, payload, received_at, received_by, applied)
            values (@id, @order, @kind, @payload::jsonb, @at, 'liaison', @applied)
            """,
            new { id = Guid.CreateVersion7(), order, kind, payload = JsonSerializer.Serialize(new { kind, reasonCodes = reasonCodes.Length == 0 ? null : reasonCodes }), at, applied });

    public Task ReminderAsync(Guid order, DateTimeOffset at) =>
        db.ExecuteAsync(
            """
            insert into outbox_messages (id, order_id, channel, recipient, template, body, created_at)
            values (@id, @order, 'sms', '13800138000', 'remind', '提醒', @at)
            """, new { id = Guid.CreateVersion7(), order, at });

    public Task ReportedAsync(string orderNumber, DateTimeOffset at) =>
        db.ExecuteAsync(
            """
            insert into audit_log (at, actor, action, entity_type, entity_id, details)
            values (@at, 'console', 'public-security-reported', 'filing-order', @orderNumber, '{}')
            """, new { at, orderNumber });
}
