using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Security;

/// <summary>
/// SQL injection strings in every query parameter and string route value the OpenAPI document lists,
/// so a filter added later is covered too: never a 5xx, never more rows than an honest filter. (A NUL
/// goes only into query strings: in a path, the server refuses it before routing.)
/// </summary>
public sealed class InjectionTests
{
    internal static readonly string[] Injections =
    [
        "' or '1'='1", "' or 1=1 --", "'; drop table filing_orders; --", "1; select pg_sleep(3)--", "%' --", "\\'", "$$ or $$1$$=$$1",
        "' union select username, password_hash, null from users --", "\u0000", "%00", "') or ('a'='a", "1 or 1=1",
    ];

    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task Injection_strings_in_every_filter_are_refused_or_match_nothing()
    {
        var document = await _app.Anonymous().GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var admin = await _app.SignedInAs("admin");
        var tried = 0;
        var failures = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject().Where(o => o.Key == "get"))
            {
                var parameters = operation!["parameters"]?.AsArray().Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList() ?? [];
                foreach (var parameter in parameters.Where(p => p.In is "query" or "path"))
                {
                    foreach (var injection in Injections.Where(i => parameter.In == "query" || !i.Contains('\0', StringComparison.Ordinal)))
                    {
                        var url = Url(path, parameters, parameter.Name, injection);
                        using var response = await admin.GetAsync(url);
                        tried++;
                        var text = await response.Content.ReadAsStringAsync();
                        if ((int)response.StatusCode >= 500 || (response.IsSuccessStatusCode && LeaksRows(text)))
                        {
                            failures.Add($"{method.ToUpperInvariant()} {url}: {(int)response.StatusCode} {OrderFuzz.Preview(text)}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(tried >= Injections.Length * 5, $"only {tried} injections tried: the OpenAPI document lists too few filters");
        await using var db = await TestApp.OpenDatabaseAsync();
        Assert.True(await db.ExecuteScalarAsync<long>("select count(*) from filing_orders") >= 0);
    }

    /// <summary>A list answer to an injected filter must be empty: every honest filter value matches exactly.</summary>
    private static bool LeaksRows(string text) => JsonNode.Parse(text) switch
    {
        JsonArray array => array.Count > 0,
        JsonObject obj when obj["items"] is JsonArray items => items.Count > 0,
        _ => false,
    };

    /// <summary>The path with route values filled (a fresh guid, 1, or a name) and the injected value in one parameter.</summary>
    private static string Url(string path, List<(string Name, string In)> parameters, string injected, string value)
    {
        var url = path;
        foreach (var (name, location) in parameters.Where(p => p.In == "path"))
        {
            var filled = name == injected ? Uri.EscapeDataString(value) : name.Contains("version", StringComparison.OrdinalIgnoreCase) ? "1" : Guid.NewGuid().ToString();
            url = url.Replace("{" + name + "}", filled, StringComparison.Ordinal);
        }

        var query = parameters.FirstOrDefault(p => p.Name == injected).In == "query" ? $"?{injected}={Uri.EscapeDataString(value)}" : "";
        return url + query;
    }
}
