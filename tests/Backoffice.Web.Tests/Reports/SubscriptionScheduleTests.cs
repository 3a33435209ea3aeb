using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Features.Reports;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// Schedules people set without a cron: daily, weekly on chosen days, monthly on a day, at a China time,
/// on working days only or not; their next five runs before saving, and cron left to admins.
/// </summary>
public sealed class SubscriptionScheduleTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task A_manager_schedules_weekly_on_working_days_and_sees_the_same_five_runs_before_and_after_saving()
    {
        var management = await _app.SignedInAs("management");
        var body = Weekly("08:30", "wed", "mon");

        var preview = await management.PostJsonAsync("/api/reports/subscriptions/preview", body).ExpectAsync(HttpStatusCode.OK);
        var expected = await ExpectedRunsAsync(new TimeOnly(8, 30), d => d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday, workingDaysOnly: true);
        Assert.Equal(expected, Runs(preview["nextRuns"]!));
        Assert.Equal("每周一、周三 08:30（仅工作日）", preview["schedule"]!.GetValue<string>());

        var created = await management.PostJsonAsync("/api/reports/subscriptions", body).ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        Assert.Equal("weekly", created["frequency"]!.GetValue<string>());
        Assert.Equal(["mon", "wed"], created["weekdays"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("08:30", created["time"]!.GetValue<string>());
        Assert.Null(created["cron"]);
        Assert.Equal(expected, Runs(created["nextRuns"]!));

        // The trigger fires what was shown: the first run is the trigger's next firing, on the working-day calendar.
        var trigger = (ICronTrigger)(await (await Scheduler()).GetTrigger(SubscriptionSchedule.TriggerKey(id)))!;
        Assert.Equal("0 30 8 ? * MON,WED", trigger.CronExpressionString);
        Assert.Equal(WorkingDayQuartzCalendar.Name, trigger.CalendarName);
        Assert.Equal(expected[0], trigger.NextFireTimeUtc);

        var english = await management.GetAsync($"/api/reports/subscriptions/{id}?lang=en").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("08:30 every Monday, Wednesday, working days only", english["schedule"]!.GetValue<string>());
        await management.DeleteAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_monthly_schedule_on_every_day_runs_on_its_day_whatever_the_calendar_says()
    {
        var management = await _app.SignedInAs("management");
        var body = Base();
        body["frequency"] = "monthly";
        body["monthDay"] = 1;
        body["time"] = "18:05";
        body["workingDaysOnly"] = false;

        var created = await management.PostJsonAsync("/api/reports/subscriptions", body).ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(China).DateTime);
        var firsts = Enumerable.Range(0, 6)
            .Select(i => new DateTimeOffset(new DateOnly(today.Year, today.Month, 1).AddMonths(i).ToDateTime(new TimeOnly(18, 5)), China).ToUniversalTime())
            .Where(run => run > DateTimeOffset.UtcNow).Take(5).ToList();
        // The 1st of January is a holiday (元旦) and still a run: the calendar is not asked.
        Assert.Equal(firsts, Runs(created["nextRuns"]!));
        var trigger = (ICronTrigger)(await (await Scheduler()).GetTrigger(SubscriptionSchedule.TriggerKey(id)))!;
        Assert.Equal("0 5 18 1 * ?", trigger.CronExpressionString);
        Assert.Null(trigger.CalendarName);

        await using var db = await TestApp.OpenDatabaseAsync();
        var stored = await db.QuerySingleAsync<(string Frequency, int MonthDay, bool WorkingDaysOnly, string Cron)>(
            "select frequency, month_day, working_days_only, cron from report_subscriptions where id = @id", new { id });
        Assert.Equal(("monthly", 1, false, "0 5 18 1 * ?"), stored);
        await management.DeleteAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_preview_names_the_years_its_runs_reach_that_the_calendar_has_no_holidays_for()
    {
        var management = await _app.SignedInAs("management");
        var body = Base();
        body["frequency"] = "monthly";
        body["monthDay"] = 1;
        body["time"] = "09:00";

        var preview = await management.PostJsonAsync("/api/reports/subscriptions/preview", body).ExpectAsync(HttpStatusCode.OK);
        var expected = await ExpectedRunsAsync(new TimeOnly(9, 0), d => d.Day == 1, workingDaysOnly: true);
        Assert.Equal(expected, Runs(preview["nextRuns"]!));
        await using var db = await TestApp.OpenDatabaseAsync();
        var entered = (await db.QueryAsync<int>("select distinct extract(year from day)::int from calendar_days where kind = 'holiday'")).ToHashSet();
        var reached = Enumerable.Range(DateTimeOffset.UtcNow.ToOffset(China).Year, expected[^1].ToOffset(China).Year - DateTimeOffset.UtcNow.ToOffset(China).Year + 1);
        Assert.Equal(reached.Where(y => !entered.Contains(y)), preview["yearsWithoutCalendar"]!.AsArray().Select(y => y!.GetValue<int>()));

        // On every day the calendar is not asked, and nothing is missing.
        body["workingDaysOnly"] = false;
        var everyDay = await management.PostJsonAsync("/api/reports/subscriptions/preview", body).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(everyDay["yearsWithoutCalendar"]!.AsArray());
    }

    [Fact]
    public async Task A_cron_is_for_admins_only_a_manager_sending_one_gets_403_and_nothing_is_stored()
    {
        var management = await _app.SignedInAs("management");
        await using var db = await TestApp.OpenDatabaseAsync();
        var cron = Base(UniqueRecipient());
        var before = await StoredForAsync(db, cron);
        cron["cron"] = "0 0 9 * * ?";

        var refused = await management.PostJsonAsync("/api/reports/subscriptions", cron).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("cron-admin-only", refused["code"]!.GetValue<string>());
        await management.PostJsonAsync("/api/reports/subscriptions/preview", cron).ExpectAsync(HttpStatusCode.Forbidden);
        cron["frequency"] = "cron";
        cron.Remove("cron");
        await management.PostJsonAsync("/api/reports/subscriptions", cron).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoredForAsync(db, cron));

        var admin = await _app.SignedInAs("admin");
        cron["cron"] = "0 0 9 * * ?";
        var created = await admin.PostJsonAsync("/api/reports/subscriptions", cron).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("cron", created["frequency"]!.GetValue<string>());
        Assert.Equal("0 0 9 * * ?", created["cron"]!.GetValue<string>());
        Assert.Equal(5, created["nextRuns"]!.AsArray().Count);

        // A manager may move it to a schedule of their own, not keep its cron.
        var id = created["id"]!.GetValue<string>();
        await management.PutAsync($"/api/reports/subscriptions/{id}", Content(cron)).ExpectAsync(HttpStatusCode.Forbidden);
        var daily = Base();
        daily["frequency"] = "daily";
        daily["time"] = "07:00";
        var moved = await management.PutAsync($"/api/reports/subscriptions/{id}", Content(daily)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("每天 07:00（仅工作日）", moved["schedule"]!.GetValue<string>());
        await admin.DeleteAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Bad_schedule_fields_are_field_errors_and_store_nothing()
    {
        var management = await _app.SignedInAs("management");
        await using var db = await TestApp.OpenDatabaseAsync();
        var recipient = UniqueRecipient();
        JsonObject Mine(JsonObject body) { body["recipients"] = new JsonArray(recipient); return body; }

        var weekly = Mine(Weekly("25:00"));
        var problem = await management.PostJsonAsync("/api/reports/subscriptions", weekly).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["time-format"], problem.ErrorCodes()["time"]);
        Assert.Equal(["weekdays-required"], problem.ErrorCodes()["weekdays"]);

        var unknownDay = await management.PostJsonAsync("/api/reports/subscriptions/preview?lang=en", Mine(Weekly("09:00", "mon", "funday")))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["invalid-choice"], unknownDay.ErrorCodes()["weekdays[1]"]);

        var monthly = Mine(Base());
        monthly["frequency"] = "monthly";
        monthly["monthDay"] = 31;
        monthly["time"] = "09:00";
        var month = await management.PostJsonAsync("/api/reports/subscriptions?lang=en", monthly).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["month-day-range"], month.ErrorCodes()["monthDay"]);
        Assert.Equal("The day of the month must be between 1 and 28", month["errors"]!["monthDay"]![0]!.GetValue<string>());

        var hourly = Mine(Base());
        hourly["frequency"] = "hourly";
        Assert.Equal(["invalid-choice"], (await management.PostJsonAsync("/api/reports/subscriptions", hourly).ExpectAsync(HttpStatusCode.BadRequest)).ErrorCodes()["frequency"]);
        Assert.Equal(["required"], (await management.PostJsonAsync("/api/reports/subscriptions", Mine(Base())).ExpectAsync(HttpStatusCode.BadRequest)).ErrorCodes()["frequency"]);

        Assert.Equal(0, await StoredForAsync(db, Mine(Base())));
    }

    [Fact]
    public async Task A_subscription_stored_before_the_schedules_reads_as_a_cron_on_working_days()
    {
        var id = Guid.NewGuid();
        await using (var db = await TestApp.OpenDatabaseAsync())
        {
            // The columns a subscription had before 0074.
            await db.ExecuteAsync(
                """
                insert into report_subscriptions (id, kind, cron, period_days, english, recipients, active, created_by, created_at, updated_by, updated_at)
                values (@id, 'sla', '0 0 9 * * ?', 7, false, '{ops@example.com}', true, 'admin', now(), 'admin', now())
                """, new { id });
        }

        var admin = await _app.SignedInAs("admin");
        var old = await admin.GetAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cron", old["frequency"]!.GetValue<string>());
        Assert.Equal("0 0 9 * * ?", old["cron"]!.GetValue<string>());
        Assert.True(old["workingDaysOnly"]!.GetValue<bool>());
        Assert.Equal(await ExpectedRunsAsync(new TimeOnly(9, 0), _ => true, workingDaysOnly: true), Runs(old["nextRuns"]!));

        // Saved again as it is (an admin's cron), it is scheduled on the working-day calendar as before.
        var body = Base();
        body["kind"] = "sla";
        body["cron"] = "0 0 9 * * ?";
        await admin.PutAsync($"/api/reports/subscriptions/{id}", Content(body)).ExpectAsync(HttpStatusCode.OK);
        var trigger = (ICronTrigger)(await (await Scheduler()).GetTrigger(SubscriptionSchedule.TriggerKey(id)))!;
        Assert.Equal(WorkingDayQuartzCalendar.Name, trigger.CalendarName);
        await admin.DeleteAsync($"/api/reports/subscriptions/{id}").ExpectAsync(HttpStatusCode.NoContent);
    }

    /// <summary>
    /// The test's own next five runs from now: each day at the time, on the days asked for, and when on
    /// working days only, the day a working day by the calendar table (an adjusted workday, or a weekday not a holiday).
    /// </summary>
    private static async Task<List<DateTimeOffset>> ExpectedRunsAsync(TimeOnly at, Func<DateOnly, bool> onDay, bool workingDaysOnly)
    {
        await using var db = await TestApp.OpenDatabaseAsync();
        var calendar = (await db.QueryAsync<(DateTime Day, string Kind)>("select day, kind from calendar_days"))
            .ToDictionary(d => DateOnly.FromDateTime(d.Day), d => d.Kind);
        var now = DateTimeOffset.UtcNow;
        var runs = new List<DateTimeOffset>();
        for (var day = DateOnly.FromDateTime(now.ToOffset(China).DateTime); runs.Count < 5; day = day.AddDays(1))
        {
            var run = new DateTimeOffset(day.ToDateTime(at), China);
            var working = calendar.TryGetValue(day, out var kind) ? kind == "workday" : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (run > now && onDay(day) && (!workingDaysOnly || working))
            {
                runs.Add(run.ToUniversalTime());
            }
        }

        return runs;
    }

    private static List<DateTimeOffset> Runs(JsonNode runs) => [.. runs.AsArray().Select(r => r!.GetValue<DateTimeOffset>().ToUniversalTime())];

    private async Task<IScheduler> Scheduler() => await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static JsonObject Base(string recipient = "ops@example.com") => new()
    {
        ["kind"] = "bureau-results", ["periodDays"] = 7, ["recipients"] = new JsonArray(recipient),
    };

    /// <summary>A recipient no other test uses, so that counting its subscriptions sees only this test's.</summary>
    private static string UniqueRecipient() => $"schedule-{Guid.NewGuid():N}@example.com";

    private static Task<int> StoredForAsync(NpgsqlConnection db, JsonObject body) => db.ExecuteScalarAsync<int>(
        "select count(*) from report_subscriptions where @recipient = any(recipients)", new { recipient = body["recipients"]![0]!.GetValue<string>() });

    private static JsonObject Weekly(string time, params string[] days)
    {
        var body = Base();
        body["frequency"] = "weekly";
        body["time"] = time;
        body["weekdays"] = new JsonArray([.. days.Select(d => JsonValue.Create(d))]);
        return body;
    }

    private static StringContent Content(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
