using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Backoffice.Web.Tests.Support;
using Backoffice.Workflows.Validation;

namespace Backoffice.Web.Tests.Console;

/// <summary>
/// The served OpenAPI document is a contract a console can generate a client from: it lints clean with Redocly,
/// openapi-typescript turns it into types, and a console script written against those types compiles with tsc
/// (tests/contract, tools pinned there and installed by ./backoffice test with npm ci).
/// </summary>
public sealed class ContractTests
{
    private readonly TestApp _app = TestApp.Instance;

    [Fact]
    public async Task The_document_lints_clean_and_generates_a_client_a_console_script_type_checks_against()
    {
        var text = await (await _app.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        var results = Environment.GetEnvironmentVariable("BACKOFFICE_TEST_RESULTS") ?? Path.Combine(Root, ".data", "test-results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, "openapi.json");
        await File.WriteAllTextAsync(file, text);

        await RunAsync(Contract, "redocly", "lint", file, "--config", "redocly.yaml");
        await RunAsync(Contract, "openapi-typescript", file, "-o", "generated/api.d.ts");
        await RunAsync(Contract, "tsc", "-p", "tsconfig.json");
    }

    /// <summary>
    /// The reference console served at /console (src/Backoffice.Web/ReferenceConsole) is built only on the client generated
    /// from the served document: a contract change that breaks clients fails its type check here.
    /// </summary>
    [Fact]
    public async Task The_reference_console_type_checks_against_the_client_generated_from_the_served_document()
    {
        var text = await (await _app.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        var file = Path.Combine(Path.GetTempPath(), $"backoffice-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        try
        {
            await RunAsync(ReferenceConsole, "openapi-typescript", file, "-o", "generated/api.d.ts");
            await RunAsync(ReferenceConsole, "tsc", "-p", "tsconfig.json");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Every operation says what it does to a console developer (a summary and a description), names the stable codes of
    /// its 400, 409 and 422 answers, and answers 401 when secured; the order's body and answers carry examples, and the
    /// introduction lists every field error code.
    /// </summary>
    [Fact]
    public async Task Every_operation_is_typed_secured_and_summarised()
    {
        var document = await _app.Anonymous().GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var missing = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                if (string.IsNullOrEmpty(operation!["summary"]?.GetValue<string>())) missing.Add($"{name}: summary");
                if (operation["description"]?.GetValue<string>() is not { Length: > 20 }) missing.Add($"{name}: description");
                foreach (var (status, answer) in operation["responses"]!.AsObject().Where(r => r.Key is "400" or "409" or "422"))
                {
                    if (answer!["description"]?.GetValue<string>() is not { } said || !said.Contains('`')) missing.Add($"{name}: the codes of its {status}");
                }

                if (operation["security"] is not JsonArray { Count: 0 } && operation["responses"]!["401"] is null) missing.Add($"{name}: 401");
                if (!operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('2'))) missing.Add($"{name}: success answer");
                if ((method is "put" || (method is "post" && TakesBody(path))) && operation["requestBody"] is null) missing.Add($"{name}: request body");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
        var schemas = document["components"]!["schemas"]!;
        Assert.Contains("returned", Enum(schemas["FilingDetail"]!["properties"]!["status"]!));
        Assert.Contains("new-filing", Enum(schemas["FilingOrderRequest"]!["properties"]!["filingType"]!));
        Assert.Contains("curtain-photo", Enum(schemas["MaterialEntry"]!["properties"]!["kind"]!));
        Assert.NotNull(schemas["HttpValidationProblemDetails"]!["properties"]!["errorCodes"]);
        Assert.NotNull(schemas["ProblemDetails"]!["properties"]!["code"]);
        Assert.Equal("enterprise", schemas["FilingOrderRequest"]!["examples"]![0]!["subject"]!["nature"]!.GetValue<string>());
        var create = document["paths"]!["/api/filings"]!["post"]!;
        Assert.Equal("uscc", create["requestBody"]!["content"]!["application/json"]!["example"]!["subject"]!["certificateType"]!.GetValue<string>());
        Assert.Equal("draft", create["responses"]!["201"]!["content"]!["application/json"]!["example"]!["status"]!.GetValue<string>());
        var read = document["paths"]!["/api/filings/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("110101********4514", read["subject"]!["principal"]!["certificateNumber"]!.GetValue<string>());
        Assert.Equal("subject.mailingAddress", read["returns"]![0]!["items"]![0]!["path"]!.GetValue<string>());
        var introduction = document["info"]!["description"]!.GetValue<string>();
        Assert.All(ValidationMessages.Codes, code => Assert.Contains($"| `{code}` |", introduction));
        Assert.NotNull(document["paths"]!["/api/test-clock/advance"]);
    }

    [Fact]
    public async Task Outside_test_mode_the_document_has_no_test_mode_endpoints()
    {
        using var app = new TestApp(testMode: false);
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/filings", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/api/test-clock", StringComparison.Ordinal) || p.StartsWith("/api/bureau-simulator", StringComparison.Ordinal)
            || p.StartsWith("/api/domain-registry-simulator", StringComparison.Ordinal));
    }

    /// <summary>Writes whose only input is the path: they take no body.</summary>
    private static bool TakesBody(string path) =>
        !path.EndsWith("/submit", StringComparison.Ordinal) && !path.EndsWith("/withdraw", StringComparison.Ordinal)
        && !path.EndsWith("/claim", StringComparison.Ordinal) && !path.EndsWith("/release", StringComparison.Ordinal)
        && !path.EndsWith("/rotate-secret", StringComparison.Ordinal) && !path.EndsWith("/retry", StringComparison.Ordinal);

    private static List<string> Enum(JsonNode property) =>
        property["enum"]?.AsArray().Select(v => v!.GetValue<string>()).ToList() ?? [];

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Backoffice.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Backoffice.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Contract => Path.Combine(Root, "tests", "contract");

    private static string ReferenceConsole => Path.Combine(Root, "src", "Backoffice.Web", "ReferenceConsole");

    /// <summary>Runs a tool pinned in <paramref name="directory"/>'s package.json (npx --no-install: never a download) and fails with its output unless it exits 0.</summary>
    private static async Task RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("npx", ["--no-install", .. arguments])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
    }
}
