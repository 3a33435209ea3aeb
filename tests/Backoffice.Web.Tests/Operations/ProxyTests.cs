using System.Net;
using System.Net.Http.Json;
using Backoffice.Web.Tests.Support;

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
        });

        var first = await SignInsAsync(node, "203.0.113.7", 3);
        var second = await SignInsAsync(node, "203.0.113.8", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_not_configured_as_a_proxy_are_ignored()
    {
        using var node = Nodes.Started(new Dictionary<string, string> { ["Backoffice:SignInsPerMinute"] = "2" });

        var first = await SignInsAsync(node, "203.0.113.7", 2);
        var posing = await SignInsAsync(node, "203.0.113.8", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], posing);
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
