using Backoffice.Workflows.Audit;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>
/// Management's report subscriptions. Every change is audited and applied to the subscription's
/// Quartz trigger before the change commits: a trigger that cannot be scheduled leaves nothing changed.
/// </summary>
public sealed class Subscriptions(NpgsqlDataSource dataSource, TimeProvider clock, SubscriptionSchedule schedule)
{
    public sealed record View
    {
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public string Cron { get; init; } = "";
        public string Frequency { get; init; } = ReportSchedule.CronFrequency;
        public TimeOnly? AtTime { get; init; }
        public string[] Weekdays { get; init; } = [];
        public int? MonthDay { get; init; }
        public bool WorkingDaysOnly { get; init; } = true;
        public int PeriodDays { get; init; }
        public string? FilingType { get; init; }
        public string? Province { get; init; }
        public string? Team { get; init; }
        public bool English { get; init; }
        public string[] Recipients { get; init; } = [];
        public bool Active { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string UpdatedBy { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? NextFireAt { get; init; }

        /// <summary>The next runs of an active subscription (the first is <see cref="NextFireAt"/>); none when paused.</summary>
        public IReadOnlyList<DateTimeOffset> NextRuns { get; init; } = [];

        public ReportSchedule Schedule => new(Frequency, AtTime, Weekdays, MonthDay, WorkingDaysOnly, Cron);
    }

    private const string Select =
        """
        select id, kind, cron, frequency, at_time, weekdays, month_day, working_days_only, period_days, filing_type, province, team, english, recipients, active, created_by, created_at, updated_by, updated_at
        from report_subscriptions
        """;

    public async Task<IReadOnlyList<View>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<View>(new CommandDefinition(Select + " order by created_at desc", commandTimeout: 30, cancellationToken: ct));
        var views = new List<View>();
        foreach (var row in rows)
        {
            views.Add(await WithRunsAsync(row, ct));
        }

        return views;
    }

    public async Task<View?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<View>(new CommandDefinition(Select + " where id = @id", new { id }, commandTimeout: 30, cancellationToken: ct));
        return row is null ? null : await WithRunsAsync(row, ct);
    }

    public async Task<Guid> CreateAsync(SubscriptionSpec spec, string actor, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await ChangeAsync(id, actor, "report-subscription-created", spec,
            """
            insert into report_subscriptions (id, kind, cron, frequency, at_time, weekdays, month_day, working_days_only,
                period_days, filing_type, province, team, english, recipients, active, created_by, created_at, updated_by, updated_at)
            values (@id, @Kind, @Cron, @Frequency, @AtTime, @Weekdays, @MonthDay, @WorkingDaysOnly,
                @PeriodDays, @FilingType, @Province, @Team, @English, @Recipients, @Active, @actor, @now, @actor, @now)
            """, ct);
        return id;
    }

    /// <summary>False when there is no such subscription.</summary>
    public Task<bool> UpdateAsync(Guid id, SubscriptionSpec spec, string actor, CancellationToken ct) =>
        ChangeAsync(id, actor, "report-subscription-updated", spec,
            """
            update report_subscriptions set kind = @Kind, cron = @Cron, frequency = @Frequency, at_time = @AtTime, weekdays = @Weekdays,
                month_day = @MonthDay, working_days_only = @WorkingDaysOnly, period_days = @PeriodDays, filing_type = @FilingType,
                province = @Province, team = @Team, english = @English, recipients = @Recipients, active = @Active,
                updated_by = @actor, updated_at = @now
            where id = @id
            """, ct);

    /// <summary>Unschedules and deletes; its builds stay in the archive. False when there is no such subscription.</summary>
    public Task<bool> DeleteAsync(Guid id, string actor, CancellationToken ct) =>
        ChangeAsync(id, actor, "report-subscription-deleted", null,
            """
            update report_builds set subscription_id = null where subscription_id = @id;
            delete from report_subscriptions where id = @id
            """, ct);

    private async Task<bool> ChangeAsync(Guid id, string actor, string action, SubscriptionSpec? spec, string sql, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var parameters = new DynamicParameters(new { id, actor, now });
        if (spec is not null)
        {
            var when = spec.Schedule;
            parameters.AddDynamicParams(new
            {
                spec.Kind, when.Cron, when.Frequency, AtTime = when.At, Weekdays = when.Weekdays.ToArray(), when.MonthDay, when.WorkingDaysOnly,
                spec.PeriodDays, spec.FilingType, spec.Province, spec.Team, spec.English, Recipients = spec.Recipients.ToArray(), spec.Active,
            });
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, commandTimeout: 30, cancellationToken: ct));
        if (changed == 0)
        {
            return false;
        }

        await AuditLog.WriteAsync(connection, transaction, now, actor, action, "report-subscription", id.ToString(), spec, ct);
        if (spec is null)
        {
            await schedule.RemoveAsync(id, ct);
        }
        else
        {
            await schedule.ApplyAsync(id, spec, ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<View> WithRunsAsync(View row, CancellationToken ct) => row with
    {
        NextFireAt = await schedule.NextFireAsync(row.Id, ct),
        NextRuns = row.Active ? await schedule.NextRunsAsync(row.Schedule, ct) : [],
    };
}
