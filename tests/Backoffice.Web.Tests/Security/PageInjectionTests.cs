using System.Reflection;
using System.Text.RegularExpressions;
using Backoffice.Web.Infrastructure;
using Backoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Security;

/// <summary>
/// The SQL injection strings of <see cref="InjectionTests"/> in every query parameter of every staff
/// page, with the staff cookie. The parameters come from the page models themselves (properties bound
/// on GET and the parameters of GET handlers), so a filter added to a page later is covered too: never
/// a 5xx; a reviewer and a team lead who see no order or task are shown no row; a caller who sees
/// rows is shown none that the same filter with a harmless value of the same length does not show.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed partial class PageInjectionTests
{
    /// <summary>The view of a page that lists rows to a caller who sees them (the inbox's team queue rather than his own tasks).</summary>
    private static readonly Dictionary<string, string> ListingViews = new() { ["/inbox"] = "tab=team" };

    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Injection_strings_in_every_page_filter_answer_no_5xx_and_leak_no_rows()
    {
        await Flow.SubmittedAsync(_app);
        var parameters = await PageParametersAsync();
        var listed = parameters.Select(p => $"{p.Route}?{p.Name}").ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(["/orders?q", "/orders?status", "/orders?filingType", "/orders?province", "/inbox?order", "/inbox?step", "/inbox?due", "/board?holder"],
            expected => Assert.Contains(expected, listed));
        var seeing = new Dictionary<string, HttpClient> { ["admin"] = await StaffPages.SignedInAsync(_app, "admin"), ["lead"] = await StaffPages.SignedInAsync(_app, "lead") };
        HttpClient[] blind = [await StaffPages.SignedInAsync(_app, "outsider"), await StaffPages.SignedInAsync(_app, await StaffPages.NewAccountAsync(["team-lead"]))];
        foreach (var route in new[] { "/orders", "/inbox", "/board" })
        {
            var (_, baseline) = await RowsAsync(seeing[Caller(parameters.First(p => p.Route == route))], Url(route, null, null, null));
            Assert.True(baseline.Count > 0, $"{route} lists nothing to its caller: the test would prove nothing there");
        }

        var failures = new List<string>();
        var tried = 0;
        foreach (var parameter in parameters)
        {
            var caller = seeing[Caller(parameter)];
            foreach (var injection in InjectionTests.Injections)
            {
                var url = Url(parameter.Route, parameter.Handler, parameter.Name, injection);
                var (status, rows) = await RowsAsync(caller, url);
                var (_, honest) = await RowsAsync(caller, Url(parameter.Route, parameter.Handler, parameter.Name, new string('x', injection.Length)));
                tried++;
                if (status >= 500 || !rows.IsSubsetOf(honest))
                {
                    failures.Add($"{Caller(parameter)} {url}: {status}, {rows.Count} rows, {rows.Except(honest).Count()} not listed for a harmless value");
                }

                foreach (var stranger in blind)
                {
                    var (strangerStatus, strangerRows) = await RowsAsync(stranger, url);
                    if (strangerStatus >= 500 || strangerRows.Count > 0)
                    {
                        failures.Add($"a caller who sees nothing {url}: {strangerStatus}, {strangerRows.Count} rows");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(tried >= InjectionTests.Injections.Length * 20, $"only {tried} injections tried: the page models bind too few query parameters");
    }

    /// <summary>The team lead opens the reviewers' and leads' pages (he is in every team), the admin every other page.</summary>
    private static string Caller(PageParameter parameter) => parameter.Policy is Policies.Reviewer or Policies.TeamLead ? "lead" : "admin";

    private static string Url(string route, string? handler, string? name, string? value)
    {
        var query = new List<string>();
        if (ListingViews.TryGetValue(route, out var view) && !string.Equals(name, view.Split('=')[0], StringComparison.OrdinalIgnoreCase))
        {
            query.Add(view);
        }

        if (handler is not null)
        {
            query.Add($"handler={handler}");
        }

        if (name is not null)
        {
            query.Add($"{name}={Uri.EscapeDataString(value!)}");
        }

        return query.Count == 0 ? route : $"{route}?{string.Join('&', query)}";
    }

    /// <summary>The status and the order and task rows the page lists (by their ids).</summary>
    private static async Task<(int Status, HashSet<string> Rows)> RowsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? [.. Row().Matches(html).Select(m => m.Groups[1].Value)] : []);
    }

    /// <summary>Every query parameter a staff page binds on GET, for each of its GET handlers; route values (ids) are a fresh guid.</summary>
    private async Task<List<PageParameter>> PageParametersAsync()
    {
        var loader = _app.Services.GetRequiredService<PageLoader>();
        var found = new List<PageParameter>();
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = RouteValue().Replace("/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'), Guid.NewGuid().ToString());
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor || found.Exists(p => p.Route == route))
            {
                continue;
            }

            var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var bound = page.ModelTypeInfo!.GetProperties()
                .Select(p => (Property: p, Bind: p.GetCustomAttribute<BindPropertyAttribute>()))
                .Where(p => p.Bind is { SupportsGet: true })
                .Select(p => p.Bind!.Name ?? p.Property.Name)
                .ToList();
            foreach (var handler in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            {
                found.AddRange(bound.Concat(handler.Parameters.Select(p => p.Name)).Where(name => !routeValues.Contains(name))
                    .Select(name => new PageParameter(route, handler.Name, name, policy)));
            }
        }

        return found;
    }

    private sealed record PageParameter(string Route, string? Handler, string Name, string? Policy);

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex("<tr[^>]*data-(?:task|order)=\"([^\"]+)\"")]
    private static partial Regex Row();
}
