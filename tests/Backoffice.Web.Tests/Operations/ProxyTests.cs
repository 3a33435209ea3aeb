using System.Net;
using System.Net.Http.Json;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Operations;

/// <summary>
/// X-Forwarded-For is believed from configured proxies only: the sign-in rate limit, kept per client
/// address, then counts the proxy's clients apart, and nobody else can pose as another client.
/// </summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_sign_in_limit()
    {
        using var node = Nodes.Started(new Dictionary<string, string>
        {
            ["Backoffice:KnownProxies:0"] = "127.0.0.1",
            ["Backoffice:SignInsPerMinute"] = "2",
            ["Backoffice:SignInsPerAccountPerMinute"] = "10000",
        });

        var first = await SignInsAsync(node, "203.0.113.7", 3);
        var second = await SignInsAsync(node, "203.0.113.8", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_not_configured_as_a_proxy_are_ignored()
    {
        using var node = Nodes.Started(new Dictionary<string, string> { ["Backoffice:SignInsPerAccountPerMinute"] = "10000" });
        await using var db = await TestApp.OpenDatabaseAsync();
        var before = await db.ExecuteScalarAsync<DateTimeOffset>("select now()");

        Assert.Equal([HttpStatusCode.OK], await SignInsAsync(node, "198.51.100.23", 1));

        const string Counted = "select count(*) from sign_in_attempts where scope = 'address' and key = @key and at >= @before";
        Assert.Equal(0, await db.ExecuteScalarAsync<long>(Counted, new { key = "198.51.100.23", before }));
        Assert.True(await db.ExecuteScalarAsync<long>(Counted, new { key = "127.0.0.1", before }) >= 1);
    }

    private static async Task<HttpStatusCode[]> SignInsAsync(TestApp node, string client, int times)
    {
        var answers = new HttpStatusCode[times];
        for (var i = 0; i < times; i++)
        {
            using var http = new HttpClient { BaseAddress = new Uri(node.Address) };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { username = "reviewer", password = "Passw0rd!" }) };
            request.Headers.Add("X-Forwarded-For", client);
            answers[i] = (await http.SendAsync(request)).StatusCode;
        }

        return answers;
    }
}
