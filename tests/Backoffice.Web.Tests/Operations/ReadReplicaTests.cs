using System.Net;
using System.Security.Cryptography;
using Backoffice.Web.Tests.Reports;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Database;
using Backoffice.Workflows.Definitions;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Backoffice.Web.Tests.Reports.ReportData;

namespace Backoffice.Web.Tests.Operations;

/// <summary>
/// With ConnectionStrings:Replica set, reports, the lead board's figures and order search (page and API) read from
/// it. A streaming replica cannot be built inside a test run, so the "replica" here is a second database on the
/// same server holding rows the primary does not: what the app answers shows which database it read.
/// </summary>
public sealed class ReadReplicaTests
{
    [Fact]
    public async Task Reports_board_figures_and_order_search_read_from_the_replica_when_one_is_set()
    {
        var replica = await ReplicaAsync();
        var name = "副本主体" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        string number;
        await using (var db = new NpgsqlConnection(replica))
        {
            await db.OpenAsync();
            var data = new ReportData(db);
            var order = await data.OrderAsync("540000", China(2025, 3, 1, 10), subjectName: name, websiteNumbers: ["藏ICP备12345678号-1"]);
            await data.InstanceAsync(order.Order, "public-security-follow-up", China(2025, 3, 21, 10));
            number = order.Number;
            for (var i = 0; i < 3; i++)
            {
                await data.TaskAsync(order, "verification", null, China(2025, 3, 1, 10), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), null, "open");
            }

            await db.ExecuteAsync("update review_tasks set escalated_at = now() where status = 'open'");
        }

        using var app = Nodes.Started(new Dictionary<string, string> { ["ConnectionStrings:Replica"] = replica });

        var listed = await app.Console().GetAsync($"/api/filings?q={Uri.EscapeDataString(name)}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([number], listed["items"]!.AsArray().Select(i => i!["orderNumber"]!.GetValue<string>()));

        var search = await (await StaffPages.SignedInAsync(app, "compliance")).GetStringAsync($"/orders?q={Uri.EscapeDataString(name)}");
        Assert.Contains(number, search, StringComparison.Ordinal);

        var board = await (await StaffPages.SignedInAsync(app, "lead")).GetStringAsync("/board");
        Assert.Matches("核验组</td><td>3</td><td><a href=\"/board\\?holder=-\">3</a></td><td><a href=\"/board\\?breached=true\"[^>]*>0</a></td><td>3</td>", board);

        var management = await app.SignedInAs("management");
        using var workbook = await management.GetAsync("/api/reports/public-security.xlsx?asOf=2025-03-31&province=540000");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var book = new XLWorkbook(await workbook.Content.ReadAsStreamAsync());
        Assert.Equal([number], book.Worksheet("明细").DataRows().Select(r => r.Cell(1).GetString()));
    }

    /// <summary>A fresh database beside the test database, migrated and with the shipped definitions, as a replica's schema would be.</summary>
    private static async Task<string> ReplicaAsync()
    {
        var primary = new NpgsqlConnectionStringBuilder(TestApp.ConnectionString);
        var replica = new NpgsqlConnectionStringBuilder(TestApp.ConnectionString) { Database = primary.Database + "_replica" };
        await using (var server = new NpgsqlConnection(TestApp.ConnectionString))
        {
            await server.OpenAsync();
            await server.ExecuteAsync($"drop database if exists \"{replica.Database}\" with (force)");
            await server.ExecuteAsync($"create database \"{replica.Database}\"");
        }

        await using var dataSource = NpgsqlDataSource.Create(replica.ConnectionString);
        await new Migrator(dataSource, replica.ConnectionString, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var connection = await dataSource.OpenConnectionAsync();
        await DefinitionStore.ImportDefaultsAsync(connection, DateTimeOffset.UtcNow, CancellationToken.None);
        return replica.ConnectionString;
    }
}
