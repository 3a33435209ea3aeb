using System.Globalization;
using System.Net;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Database;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Reports;

/// <summary>
/// Migration 0058: an SMS window that closed before expiries were recorded as bureau events gets its
/// bureau return 短信核验超时, once however often the migration runs, and the workbook then agrees with the workflow.
/// Migration 0107: the same when the liaison's sms-expired, entered just after the window closed, was recorded unapplied.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class SmsExpiryBackfillTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task An_expiry_without_its_bureau_event_is_back_filled_once_and_reported_as_a_bureau_return()
    {
        var (orderNumber, id) = await ExpiredOrderAsync();

        await using var db = await TestApp.OpenDatabaseAsync();
        var recorded = await db.QuerySingleAsync<DateTimeOffset>("select received_at from bureau_events where order_id = @id", new { id });
        await db.ExecuteAsync("delete from bureau_events where order_id = @id", new { id });
        Assert.Equal("待审", await ResultAsync(orderNumber));

        var migration = Migration("0058_sms_expiry_bureau_events.sql");
        await db.ExecuteAsync(migration);
        await db.ExecuteAsync(migration);

        var events = (await db.QueryAsync<(string Kind, bool Applied, DateTimeOffset At)>(
            "select kind, applied, received_at from bureau_events where order_id = @id", new { id })).AsList();
        var backfilled = Assert.Single(events);
        Assert.Equal(("sms-expired", true), (backfilled.Kind, backfilled.Applied));
        Assert.Equal(recorded, backfilled.At);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where actor = 'migration-0058' and entity_id = @orderNumber", new { orderNumber }));
        Assert.Equal("短信核验超时", await ResultAsync(orderNumber));
    }

    [Fact]
    public async Task An_expiry_the_timer_recorded_gets_no_second_event()
    {
        var (_, id) = await ExpiredOrderAsync();

        await using var db = await TestApp.OpenDatabaseAsync();
        await db.ExecuteAsync(Migration("0058_sms_expiry_bureau_events.sql"));

        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from bureau_events where order_id = @id and kind = 'sms-expired'", new { id }));
    }

    [Fact]
    public async Task An_expiry_whose_only_event_is_the_liaison_s_unapplied_one_is_counted_as_rejected_after_0107()
    {
        var (orderNumber, id) = await ExpiredOrderAsync();

        // The database as the code before expiries were bureau events left it: the timer recorded nothing, and the
        // liaison's sms-expired from the bureau's sheet 30 seconds later found nothing waiting.
        await using var db = await TestApp.OpenDatabaseAsync();
        var closed = await db.QuerySingleAsync<DateTimeOffset>("select received_at from bureau_events where order_id = @id", new { id });
        await db.ExecuteAsync("delete from bureau_events where order_id = @id", new { id });
        await db.ExecuteAsync(
            """
            insert into bureau_events (id, order_id, kind, payload, received_at, received_by, applied, note)
            values (@eventId, @id, 'sms-expired', '{"kind": "sms-expired", "reasonCodes": null}', @at, 'liaison', false,
                    'nothing waits for sms-verified (order is bureau-rejected)')
            """, new { eventId = Guid.CreateVersion7(), id, at = closed.AddSeconds(30) });
        await db.ExecuteAsync(Migration("0058_sms_expiry_bureau_events.sql"));
        Assert.Equal("待审", await ResultAsync(orderNumber));

        var migration = Migration("0107_sms_expiry_unapplied_duplicates.sql");
        await db.ExecuteAsync(migration);
        await db.ExecuteAsync(migration);

        var applied = Assert.Single(await db.QueryAsync<DateTimeOffset>(
            "select received_at from bureau_events where order_id = @id and kind = 'sms-expired' and applied", new { id }));
        Assert.Equal(closed, applied);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where actor = 'migration-0107' and entity_id = @orderNumber", new { orderNumber }));
        Assert.Equal("短信核验超时", await ResultAsync(orderNumber));
        Assert.Equal("短信核验超时", await ResultAsync(orderNumber, column: 10));
    }

    /// <summary>An order whose SMS window closed unanswered: the timer rejected it at the bureau.</summary>
    private async Task<(string OrderNumber, Guid Id)> ExpiredOrderAsync()
    {
        var flow = await Flow.SubmittedAsync(_app);
        await flow.ToSmsVerificationAsync();
        await Flow.AdvanceClockAsync(_app, 25);
        Assert.Equal("bureau-rejected", await flow.StatusAsync());
        return ((await flow.GetAsync())["orderNumber"]!.GetValue<string>(), Guid.Parse(flow.Id));
    }

    private static string Migration(string file)
    {
        using var stream = typeof(Migrator).Assembly.GetManifestResourceStream("Migrations." + file)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The order's cell in the bureau-results detail sheet: its result (column 7) or its reasons (column 10).</summary>
    private async Task<string> ResultAsync(string orderNumber, int column = 7)
    {
        var today = TimeZoneInfo.ConvertTime(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var from = today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var management = await _app.SignedInAs("management");
        using var response = await management.GetAsync($"/api/reports/bureau-results.xlsx?from={from}&to={to}&province=440000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        return book.Worksheet("明细").Row(orderNumber).Cell(column).GetString();
    }
}
