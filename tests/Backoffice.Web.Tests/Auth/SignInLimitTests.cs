using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Backoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Backoffice.Web.Tests.Auth;

/// <summary>
/// Sign-in limits fit a desk of several nodes: only credential submissions count, per client address and per account
/// name, and the counters are in the database, so two nodes together allow what one does.
/// </summary>
public sealed class SignInLimitTests
{
    [Fact]
    public async Task Loading_the_sign_in_page_does_not_count_against_the_limit()
    {
        using var app = Node();
        var client = app.CreateClient().From(ClientAddresses.Unique());
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/tokens", new { username = $"guess-{Guid.NewGuid()}", password = "123456" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/tokens", new { username = "reviewer", password = "Passw0rd!" })).StatusCode);
    }

    [Fact]
    public async Task Two_nodes_together_allow_one_address_what_one_node_does()
    {
        using var first = Node();
        using var second = Node();
        var address = ClientAddresses.Unique();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var node = i % 2 == 0 ? first : second;
            answers.Add((await node.CreateClient().From(address).PostAsJsonAsync("/api/tokens", new { username = $"guess-{Guid.NewGuid()}", password = "123456" })).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), answers.Take(5));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2), answers.Skip(5));
        var elsewhere = await second.CreateClient().From(ClientAddresses.Unique()).PostAsJsonAsync("/api/tokens", new { username = $"guess-{Guid.NewGuid()}", password = "123456" });
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task One_account_is_limited_across_addresses_and_nodes()
    {
        using var first = Node();
        using var second = Node();
        var account = $"ghost-{Guid.NewGuid()}";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var node = i % 2 == 0 ? first : second;
            answers.Add((await node.CreateClient().From(ClientAddresses.Unique()).PostAsJsonAsync("/api/tokens", new { username = account, password = "123456" })).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 3), answers.Take(3));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2), answers.Skip(3));
    }

    [Fact]
    public async Task The_sign_in_form_is_limited_too_and_says_so()
    {
        using var app = Node();
        var address = ClientAddresses.Unique();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).From(address);
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            var form = await client.GetStringAsync("/sign-in");
            last = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Username"] = $"guess-{Guid.NewGuid()}",
                ["Password"] = "123456",
                ["__RequestVerificationToken"] = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value,
            }));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("登录尝试过于频繁", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A node of the cluster: 5 attempts a minute per address, 3 per account.</summary>
    private static WebApplicationFactory<Program> Node() =>
        new TestApp(testMode: true).WithWebHostBuilder(b => b
            .UseSetting("Backoffice:SignInsPerMinute", "5")
            .UseSetting("Backoffice:SignInsPerAccountPerMinute", "3")).WithClientAddresses();
}
