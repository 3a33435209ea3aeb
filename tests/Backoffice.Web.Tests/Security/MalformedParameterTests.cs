using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Backoffice.Web.Tests.Security;

/// <summary>
/// What a scanner sends: every operation of the OpenAPI document, each of its route, query and header parameters in
/// turn given values that do not parse, and a broken JSON body on every write. Never a 5xx, never an error in the
/// log; a typed query or header parameter that does not parse is a 400 naming the parameter.
/// </summary>
public sealed class MalformedParameterTests
{
    private static readonly string[] Malformed = ["abc", "1'", "maybe", "-1", "99999999999999999999", "%00", "2026-13-45", "' or '1'='1"];

    [Fact]
    public async Task Every_operation_answers_malformed_values_with_a_client_error_naming_the_parameter()
    {
        var logs = new LogCapture();
        using var app = new TestApp(testMode: true, logs);
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        HttpClient[] callers = [await app.SignedInAs("admin"), app.Console()];
        var failures = new List<string>();
        var tried = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete"))
            {
                var parameters = Parameters(operation!);
                foreach (var parameter in parameters)
                {
                    foreach (var value in Malformed)
                    {
                        var answers = new List<(int Status, JsonNode? Body)>();
                        foreach (var caller in callers)
                        {
                            using var request = Request(method, path, parameters, parameter, value);
                            using var response = await caller.SendAsync(request);
                            var text = await response.Content.ReadAsStringAsync();
                            tried++;
                            answers.Add(((int)response.StatusCode, Parse(text)));
                            if ((int)response.StatusCode >= 500)
                            {
                                failures.Add($"{method.ToUpperInvariant()} {path} {parameter.Name}={value}: {(int)response.StatusCode} {OrderFuzz.Preview(text)}");
                            }
                        }

                        if (parameter.In is "query" or "header" && parameter.Typed && value == "abc"
                            && !answers.Any(a => a.Status == 400 && a.Body?["errorCodes"]?[parameter.Name] is not null))
                        {
                            failures.Add($"{method.ToUpperInvariant()} {path} {parameter.Name}=abc: no 400 naming the parameter ({string.Join(", ", answers.Select(a => a.Status))})");
                        }
                    }
                }

                if (method is "post" or "put")
                {
                    using var broken = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Url(path, parameters, null, ""))
                    {
                        Content = new StringContent("{\"subject\": [", Encoding.UTF8, "application/json"),
                    };
                    using var response = await callers[1].SendAsync(broken);
                    tried++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} broken JSON: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(tried > 500, $"only {tried} requests: the OpenAPI document lists too few operations");
        // Errors while answering a request (its scope names the path); jobs of other tests' apps run on this app's job server too.
        var errors = logs.Lines.Where(l => l.Level >= LogLevel.Error && l.Scope.ContainsKey("RequestPath")).Select(l => l.Category + " " + l.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
    }

    [Theory]
    [InlineData("/api/filings?page=abc", "page")]
    [InlineData("/api/filings?pageSize=x", "pageSize")]
    [InlineData("/api/tasks?filingId=1'", "filingId")]
    [InlineData("/api/tasks?overdue=maybe", "overdue")]
    public async Task The_scanner_s_requests_are_400_with_the_parameter_and_its_code(string url, string parameter)
    {
        var admin = await TestApp.Instance.SignedInAs("admin");
        var problem = await admin.GetAsync(url).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["value-unparsable"], problem.ErrorCodes()[parameter]);
        Assert.False(string.IsNullOrEmpty(problem["errors"]![parameter]![0]!.GetValue<string>()));
    }

    private sealed record Parameter(string Name, string In, bool Typed, string? Type, string? Format);

    private static List<Parameter> Parameters(JsonNode operation) =>
        operation["parameters"]?.AsArray().Select(p =>
        {
            var schema = p!["schema"];
            var type = schema?["type"] is JsonArray types ? types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") : schema?["type"]?.GetValue<string>();
            var format = schema?["format"]?.GetValue<string>();
            var typed = type is "integer" or "boolean" or "number" || format is "uuid" or "date" or "date-time";
            return new Parameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), typed, type, format);
        }).ToList() ?? [];

    private static HttpRequestMessage Request(string method, string path, List<Parameter> parameters, Parameter target, string value)
    {
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Url(path, parameters, target, value));
        if (target.In == "header")
        {
            request.Headers.TryAddWithoutValidation(target.Name, value);
        }

        if (method is "post" or "put")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    /// <summary>The path with a well-formed value in every route parameter but the target, and the target's query value.</summary>
    private static string Url(string path, List<Parameter> parameters, Parameter? target, string value)
    {
        var url = path;
        foreach (var p in parameters.Where(p => p.In == "path"))
        {
            var filled = p == target ? Uri.EscapeDataString(value) : p.Type is "integer" ? "1" : p.Format == "uuid" ? Guid.NewGuid().ToString() : "new-filing";
            url = url.Replace("{" + p.Name + "}", filled, StringComparison.Ordinal);
        }

        return target?.In == "query" ? $"{url}?{target.Name}={Uri.EscapeDataString(value)}" : url;
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
