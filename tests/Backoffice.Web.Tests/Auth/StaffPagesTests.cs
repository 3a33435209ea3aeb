using System.Net;
using Backoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Auth;

public sealed class StaffPagesTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public void Every_page_and_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var unnamed = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(unnamed);
    }

    [Fact]
    public async Task A_form_posted_without_the_anti_forgery_token_is_refused()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "reviewer", ["Password"] = "Passw0rd!",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("backoffice.staff", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pages_send_strangers_to_sign_in_and_the_api_still_answers_401()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.Address) };
        var page = await client.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/hangfire")).StatusCode);
    }
}
