using System.Net;
using System.Net.Http.Json;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Clock;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Operations;

/// <summary>What one node changes that every node caches (the test clock, the working-day calendar) reaches the others at once.</summary>
[Collection(ClockCollection.Name)]
public sealed class SharedStateTests
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_test_clock_moved_on_one_node_moves_on_every_node()
    {
        using var first = Nodes.Started();
        using var second = Nodes.Started();
        var onSecond = second.Services.GetRequiredService<ApplicationClock>();
        var before = onSecond.Offset;

        var admin = await first.SignedInAs("admin");
        (await admin.PostAsJsonAsync("/api/test-clock/advance", new { hours = 1.5 })).EnsureSuccessStatusCode();
        var moved = first.Services.GetRequiredService<ApplicationClock>().Offset;

        Assert.True(await Eventually(() => onSecond.Offset == moved), $"second node's offset stayed {onSecond.Offset}, first's is {moved}");
        Assert.True(moved - before >= TimeSpan.FromHours(1.5));
    }

    [Fact]
    public async Task A_calendar_edit_on_one_node_is_used_by_every_node_at_once()
    {
        using var first = Nodes.Started();
        using var second = Nodes.Started();
        var day = new DateOnly(2098, 3, 10);
        var store = second.Services.GetRequiredService<WorkingCalendarStore>();
        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync("delete from calendar_days where day = @day", new { day });
        Assert.True((await store.GetAsync(db, CancellationToken.None)).IsWorkingDay(day));

        var admin = await first.CookieSignedInAs("admin");
        var page = await admin.GetStringAsync("/admin/calendar?year=2098");
        var saved = await admin.PostAsync("/admin/calendar?handler=Save", Nodes.Form(page, new()
        {
            ["Date"] = "2098-03-10", ["Kind"] = "holiday", ["Name"] = "节点测试",
        }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        try
        {
            Assert.True(await Eventually(async () => !(await store.GetAsync(db, CancellationToken.None)).IsWorkingDay(day)),
                "the second node still counts the new holiday as a working day");
        }
        finally
        {
            await db.ExecuteAsync("delete from calendar_days where day = @day", new { day });
            await first.Services.GetRequiredService<WorkingCalendarChanges>().AppliedAsync(CancellationToken.None);
        }
    }

    private static Task<bool> Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Propagation;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
