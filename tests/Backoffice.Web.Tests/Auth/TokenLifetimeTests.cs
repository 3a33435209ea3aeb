using System.Net;
using System.Net.Http.Json;
using Backoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Backoffice.Web.Tests.Auth;

/// <summary>Brute force meets the rate limit as well as the lock-out; tokens die at their expiry.</summary>
[Collection(ClockCollection.Name)]
public sealed class TokenLifetimeTests
{
    [Fact]
    public async Task Token_stops_working_when_it_expires()
    {
        var app = TestApp.Instance;
        var client = await app.SignedInAs("reviewer");
        await client.GetAsync("/api/reason-codes").ExpectAsync(HttpStatusCode.OK);

        await Flow.AdvanceClockAsync(app, 8.1);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/reason-codes")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_rate_limit_are_429_whatever_the_username()
    {
        using var app = new TestApp(testMode: true).WithWebHostBuilder(b => b.UseSetting("Backoffice:SignInsPerMinute", "5")).WithClientAddresses();
        var anonymous = app.CreateClient().From(ClientAddresses.Unique());
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var response = await anonymous.PostAsJsonAsync("/api/tokens", new { username = $"guess{i}", password = "123456" });
            answers.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), answers.Take(5));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3), answers.Skip(5));
        var right = await anonymous.PostAsJsonAsync("/api/tokens", new { username = "reviewer", password = "Passw0rd!" });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }
}
