using System.Net;
using Backoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Security;

/// <summary>
/// Every endpoint the running app maps × every role and anonymous: the HTTP API with bearer tokens,
/// the staff pages (and the Hangfire dashboard) with the staff cookie from the sign-in form. The
/// endpoint list comes from the app itself, so an endpoint or page added later without a known policy fails here.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string Anonymous = "(anonymous)";

    /// <summary>Who each policy admits, stated independently of the app's own policy code.</summary>
    private static readonly Dictionary<string, string[]> Admitted = new()
    {
        ["filings"] = ["console", "admin", "compliance", "lead", "reviewer", "outsider", "liaison", "management"],
        ["staff"] = ["admin", "compliance", "lead", "reviewer", "outsider", "liaison", "management"],
        ["reviewer"] = ["admin", "lead", "reviewer", "outsider"],
        ["team-lead"] = ["admin", "lead"],
        ["compliance"] = ["admin", "compliance"],
        ["management"] = ["admin", "management"],
        ["dashboard"] = ["admin", "lead", "management"],
        ["bureau"] = ["admin", "liaison"],
        ["admin"] = ["admin"],
        ["test-mode"] = ["console", "admin", "compliance", "lead", "reviewer", "outsider", "liaison", "management"],
        ["console"] = ["console", "admin"],
    };

    /// <summary>The only endpoints open without signing in.</summary>
    private static readonly HashSet<string> OpenEndpoints =
        ["GET /healthz", "GET /healthz/live", "GET /healthz/ready", "GET /openapi/{documentName}.json", "POST /api/tokens/", "GET /sign-in", "GET /denied", "GET /language", "GET /error/{code:int}", "GET /console"];

    private static readonly string[] StaffCallers = ["admin", "compliance", "lead", "reviewer", "outsider", "liaison", "management"];

    private static readonly string[] Callers = [Anonymous, "console", .. StaffCallers];

    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public void Every_endpoint_names_a_known_policy_or_is_knowingly_open()
    {
        var offenders = Endpoints().Where(e => e.Open ? !OpenEndpoints.Contains(e.Name) : e.Policy is null || !Admitted.ContainsKey(e.Policy))
            .Select(e => $"{e.Name} (policy: {e.Policy ?? "none"}, open: {e.Open})").ToList();

        Assert.True(offenders.Count == 0, "Endpoints without a known policy:\n" + string.Join("\n", offenders));
        Assert.Contains(Endpoints(), e => e.Name == "POST /api/filings/");
        Assert.Contains(Endpoints(), e => e.Name == "GET /inbox");
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_policy_says()
    {
        var endpoints = Endpoints().Where(e => e.IsApi && e.Policy is not null && Admitted.ContainsKey(e.Policy))
            .OrderBy(e => e.Method == "DELETE").ThenBy(e => e.Route == "/api/tokens/current").ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            using var client = caller switch
            {
                Anonymous => _app.Anonymous(),
                "console" => _app.Console(),
                _ => await _app.SignedInAs(caller),
            };
            foreach (var endpoint in endpoints)
            {
                using var response = await client.SendAsync(endpoint.Request());
                var status = (int)response.StatusCode;
                var admitted = caller != Anonymous && Admitted[endpoint.Policy!].Contains(caller);
                var expected = caller == Anonymous ? "401" : admitted ? "an answer of the endpoint itself (2xx, 400, 404, 409, 415 or 422)" : "403";
                var ok = caller == Anonymous ? IsSignInChallenge(endpoint, response)
                    : admitted ? status is (>= 200 and < 300) or 400 or 404 or 409 or 415 or 422
                    : status == 403;
                if (!ok)
                {
                    failures.Add($"{caller,-12} {endpoint.Name}: {status}, expected {expected}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Pages with the staff cookie: a stranger is sent to sign in, a role outside the page's policy
    /// gets 403 or the denied page, a role inside neither of those nor a 5xx (made-up ids may be 404).
    /// </summary>
    [Fact]
    public async Task Every_page_answers_every_cookie_signed_in_caller_as_its_policy_says()
    {
        var pages = Endpoints().Where(e => !e.IsApi && e.Policy is not null && Admitted.ContainsKey(e.Policy)).ToList();
        Assert.Contains(pages, p => p.Name == "GET /orders/{id:guid}");
        var failures = new List<string>();
        foreach (var caller in new[] { Anonymous }.Concat(StaffCallers))
        {
            using var client = caller == Anonymous ? _app.CookieClient() : await _app.CookieSignedInAs(caller);
            foreach (var page in pages)
            {
                using var response = await client.SendAsync(page.Request());
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var sentToSignIn = status == 302 && location.Contains("/sign-in?ReturnUrl=", StringComparison.Ordinal);
                var denied = status == 403 || (status == 302 && location.Contains("/denied?ReturnUrl=", StringComparison.Ordinal));
                var (ok, expected) = caller == Anonymous ? (sentToSignIn, "a redirect to sign-in")
                    : Admitted[page.Policy!].Contains(caller) ? (!sentToSignIn && !denied && status < 500, "the page")
                    : (denied, "403 or the denied page");
                if (!ok)
                {
                    failures.Add($"{caller,-12} {page.Name}: {status} {location}, expected {expected}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Open_endpoints_answer_without_a_token()
    {
        var anonymous = _app.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/tokens", new System.Text.Json.Nodes.JsonObject())).StatusCode);
    }

    /// <summary>API endpoints answer 401; a page may instead send the browser to its sign-in page.</summary>
    private static bool IsSignInChallenge(MappedEndpoint endpoint, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || (!endpoint.Route.StartsWith("/api/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Redirect);

    private List<MappedEndpoint> Endpoints() =>
        [.. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new MappedEndpoint(
                method,
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.RoutePattern,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))];

    private sealed record MappedEndpoint(string Method, string Route, Microsoft.AspNetCore.Routing.Patterns.RoutePattern Pattern, string? Policy, bool Open)
    {
        public string Name => $"{Method} {Route}";

        public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);

        /// <summary>A request with made-up ids (a fresh guid, version 1, an unknown name) and an empty JSON object as body.</summary>
        public HttpRequestMessage Request()
        {
            var path = Route;
            foreach (var parameter in Pattern.Parameters)
            {
                var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
                var value = constraints.Contains("guid") ? Guid.NewGuid().ToString()
                    : constraints.Contains("int") || constraints.Contains("long") ? "1"
                    : "unknown-" + Guid.NewGuid().ToString("N")[..8];
                path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "[^}]*\\}", value);
            }

            var request = new HttpRequestMessage(new HttpMethod(Method), path);
            if (Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            return request;
        }
    }
}
