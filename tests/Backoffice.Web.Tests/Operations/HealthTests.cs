using System.Net;
using Backoffice.Web.Tests.Support;
using Backoffice.Web.Infrastructure.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Backoffice.Web.Tests.Operations;

/// <summary>Liveness says the process answers; readiness says THIS node's database, job server and scheduler work.</summary>
[Collection(ClockCollection.Name)]
public sealed class HealthTests
{
    [Fact]
    public async Task A_working_node_is_live_and_ready()
    {
        var client = TestApp.Instance.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_node_whose_own_job_server_stopped_heartbeating_is_live_but_not_ready_while_another_nodes_runs()
    {
        using var node = Nodes.Started();
        var client = node.Anonymous();
        Assert.True(await ReadyAsync(client, HttpStatusCode.OK), "the node never became ready");
        var name = node.Services.GetRequiredService<NodeIdentity>().Name;
        await using var db = await TestApp.OpenDatabaseAsync();

        var hung = await db.ExecuteAsync(
            "update hangfire.server set lastheartbeat = now() - interval '10 minutes' where id like @prefix", new { prefix = name + ":%" });

        Assert.Equal(1, hung);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestApp.Instance.Anonymous().GetAsync("/healthz/ready")).StatusCode);
    }

    [Fact]
    public async Task A_node_whose_scheduler_is_on_standby_is_not_ready()
    {
        using var node = Nodes.Started();
        var client = node.Anonymous();
        Assert.True(await ReadyAsync(client, HttpStatusCode.OK), "the node never became ready");
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.Standby();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        }
        finally
        {
            await scheduler.Start();
        }
    }

    private static async Task<bool> ReadyAsync(HttpClient client, HttpStatusCode expected)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await client.GetAsync("/healthz/ready")).StatusCode == expected)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
