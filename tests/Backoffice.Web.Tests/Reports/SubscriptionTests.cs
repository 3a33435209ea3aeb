using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Features.Reports;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Reports;

/// <summary>Subscriptions through /api/reports/subscriptions, their Quartz triggers on the working-day calendar, and their firings.</summary>
[Collection(AloneCollection.Name)]
public sealed class SubscriptionTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_trigger_fires_on_working_days_skipping_the_national_day_holiday_and_including_the_adjusted_saturday()
    {
        var admin = await _app.SignedInAs("admin");
        var id = await CreateAsync(admin, Subscription("0 0 9 * * ?", "ops@example.com"));

        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = (await scheduler.GetTrigger(SubscriptionSchedule.TriggerKey(Guid.Parse(id))))!;
        var calendar = (await scheduler.GetCalendar(trigger.CalendarName!))!;
        Assert.Equal(WorkingDayQuartzCalendar.Name, trigger.CalendarName);

        // The stored trigger's cron, time zone and calendar over the 2026 National Day: 10-01..07 off, Saturday 10-10 worked.
        var cron = (ICronTrigger)trigger;
        Assert.Equal(ChinaTime.Zone, cron.TimeZone);
        var expression = new CronExpression(cron.CronExpressionString!, cron.TimeZone);
        var fires = new List<DateTimeOffset>();
        for (var fire = NextIncluded(expression, calendar, China(2026, 9, 28, 0)); fire < China(2026, 10, 13, 0); fire = NextIncluded(expression, calendar, fire))
        {
            fires.Add(fire);
        }

        Assert.Equal(
            ["09-28 09:00", "09-29 09:00", "09-30 09:00", "10-08 09:00", "10-09 09:00", "10-10 09:00", "10-12 09:00"],
            fires.Select(f => TimeZoneInfo.ConvertTime(f, ChinaTime.Zone).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(calendar.IsTimeIncluded(trigger.NextFireTimeUtc!.Value));
        var next = await admin.GetAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(trigger.NextFireTimeUtc, next["nextFireAt"]!.GetValue<DateTimeOffset>());

        await admin.DeleteAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.Null(await scheduler.GetTrigger(SubscriptionSchedule.TriggerKey(Guid.Parse(id))));
    }

    [Fact]
    public async Task A_firing_makes_one_build_and_mails_each_recipient_once_with_the_archive_link()
    {
        var management = await _app.SignedInAs("management");
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] recipients = [$"boss-{tag}@example.com", $"deputy-{tag}@example.com"];
        var daily = Subscription("", recipients);
        daily.Remove("cron");
        daily["frequency"] = "daily";
        daily["time"] = "08:30";
        var id = Guid.Parse(await CreateAsync(management, daily));
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(SubscriptionSchedule.JobKey(id), new JobDataMap());
        await using var db = await TestApp.OpenDatabaseAsync();
        var build = await BuildOfAsync(db, id);
        // The same firing met again, as a node recovering it would: nothing more.
        Assert.Null(await _app.Services.GetRequiredService<ReportBuilds>().FireAsync(id, build.FiredAt, CancellationToken.None));

        var done = await Archive.FinishedAsync(management, build.Id.ToString());
        Assert.Equal("done", done["status"]!.GetValue<string>());
        Assert.Equal("management", done["requestedBy"]!.GetValue<string>());
        Assert.Equal(id.ToString(), done["subscriptionId"]!.GetValue<string>());
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("select count(*) from report_builds where subscription_id = @id", new { id }));
        var mails = (await db.QueryAsync<(string Recipient, string Body)>(
            "select recipient, body from outbox_messages where template = 'report-ready' and recipient = any (@recipients) order by recipient",
            new { recipients })).ToList();
        Assert.Equal(recipients.Order(), mails.Select(m => m.Recipient));
        Assert.All(mails, m => Assert.Contains($"/reports?build={build.Id}", m.Body));
        Assert.All(mails, m => Assert.Contains("管局审核结果报表", m.Body));
        var delivered = await SideEffects.DeliveredAsync(
            "select recipient, sent_at from outbox_messages where template = 'report-ready' and recipient = any (@recipients)", new { recipients });
        Assert.Equal(recipients.Length, delivered.Count);
        Assert.All(delivered, d => Assert.NotNull(d.SentAt));

        await management.DeleteAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.Null(await db.ExecuteScalarAsync<Guid?>("select subscription_id from report_builds where id = @Id", new { build.Id }));
    }

    [Fact]
    public async Task A_bad_cron_or_recipient_is_a_field_error_and_stores_nothing()
    {
        var admin = await _app.SignedInAs("admin");
        await using var db = await TestApp.OpenDatabaseAsync();
        var before = await db.ExecuteScalarAsync<int>("select count(*) from report_subscriptions where created_by = 'admin'");

        var problem = await admin.PostJsonAsync("/api/reports/subscriptions", Subscription("0 0 25 * * ?", "boss@example.com", "not-an-address"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["cron-invalid"], problem.ErrorCodes()["cron"]);
        Assert.Equal(["email-format"], problem.ErrorCodes()["recipients[1]"]);
        Assert.StartsWith("不是有效的 Quartz cron 表达式", problem["errors"]!["cron"]![0]!.GetValue<string>());

        var english = await admin.PostJsonAsync("/api/reports/subscriptions?lang=en", Subscription("0 * * * * ?")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["cron-too-frequent"], english.ErrorCodes()["cron"]);
        Assert.Equal(["recipients-count"], english.ErrorCodes()["recipients"]);
        Assert.Equal("Runs must be at least 1 hour apart", english["errors"]!["cron"]![0]!.GetValue<string>());

        // A manager's 5-field Unix cron: told in their language what a Quartz cron looks like, no parser's English.
        var unix = await admin.PostJsonAsync("/api/reports/subscriptions", Subscription("0 9 * * 1-5", "boss@example.com"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["cron-five-fields"], unix.ErrorCodes()["cron"]);
        Assert.Equal("这是 5 个字段的 Unix cron；Quartz cron 以秒开头，共 6 个字段，例如每天 9:00 为 0 0 9 * * ?", unix["errors"]!["cron"]![0]!.GetValue<string>());
        var garbled = await admin.PostJsonAsync("/api/reports/subscriptions?lang=en", Subscription("every day at nine", "boss@example.com"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["cron-invalid"], garbled.ErrorCodes()["cron"]);
        Assert.StartsWith("Not a valid Quartz cron expression: write \"seconds minutes hours day month weekday\"", garbled["errors"]!["cron"]![0]!.GetValue<string>());

        Assert.Equal(before, await db.ExecuteScalarAsync<int>("select count(*) from report_subscriptions where created_by = 'admin'"));
    }

    [Fact]
    public async Task Editing_reschedules_the_trigger_and_pausing_unschedules_it()
    {
        var admin = await _app.SignedInAs("admin");
        var id = await CreateAsync(admin, Subscription("0 0 9 * * ?", "ops@example.com"));
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = SubscriptionSchedule.TriggerKey(Guid.Parse(id));

        var edited = Subscription("0 15 17 * * ?", "ops@example.com");
        await admin.PutAsync($"/api/reports/subscriptions/{id}", Json(edited)).ExpectAsync(HttpStatusCode.OK);
        var next = (await scheduler.GetTrigger(key))!.NextFireTimeUtc!.Value;
        Assert.Equal("17:15", TimeZoneInfo.ConvertTime(next, ChinaTime.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));

        edited["active"] = false;
        var paused = await admin.PutAsync($"/api/reports/subscriptions/{id}", Json(edited)).ExpectAsync(HttpStatusCode.OK);
        Assert.Null(await scheduler.GetTrigger(key));
        Assert.False(paused["active"]!.GetValue<bool>());

        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.Equal(
            ["report-subscription-created", "report-subscription-updated", "report-subscription-updated"],
            await db.QueryAsync<string>("select action from audit_log where entity_id = @id order by id", new { id }));
        await admin.DeleteAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.NoContent);
    }

    /// <summary>The trigger's next firing after <paramref name="after"/> that its calendar lets through, as Quartz applies a calendar.</summary>
    private static DateTimeOffset NextIncluded(CronExpression cron, ICalendar calendar, DateTimeOffset after)
    {
        var next = cron.GetNextValidTimeAfter(after)!.Value;
        while (!calendar.IsTimeIncluded(next))
        {
            next = cron.GetNextValidTimeAfter(next)!.Value;
        }

        return next;
    }

    private static JsonObject Subscription(string cron, params string[] recipients) => new()
    {
        ["kind"] = "bureau-results", ["cron"] = cron, ["periodDays"] = 7, ["province"] = "620000",
        ["recipients"] = new JsonArray([.. recipients.Select(r => JsonValue.Create(r))]),
    };

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static async Task<string> CreateAsync(HttpClient client, JsonObject body) =>
        (await client.PostJsonAsync("/api/reports/subscriptions", body).ExpectAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

    /// <summary>The subscription's one build, waiting (bounded) for Quartz to fire it.</summary>
    private static async Task<(Guid Id, DateTimeOffset FiredAt)> BuildOfAsync(Npgsql.NpgsqlConnection db, Guid subscriptionId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var builds = (await db.QueryAsync<(Guid, DateTimeOffset)>(
                "select id, fired_at from report_builds where subscription_id = @subscriptionId", new { subscriptionId })).ToList();
            if (builds.Count > 0 || attempt == 200)
            {
                return Assert.Single(builds);
            }

            await Task.Delay(100);
        }
    }
}
