using System.Net;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Console;

/// <summary>
/// /console, the reference console: served in test mode with the published test console key and a policy that runs
/// only the app's own scripts; outside test mode it does not exist and no console key is written anywhere.
/// </summary>
public sealed class ReferenceConsolePageTests
{
    [Fact]
    public async Task In_test_mode_the_page_loads_the_built_console_with_the_test_key_and_no_inline_script()
    {
        var response = await TestApp.Instance.Anonymous().GetAsync("/console");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<meta name=\"console-key\" content=\"test-console-key\">", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/build/console/console.js\"></script>", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TestApp.Instance.Anonymous().GetAsync("/build/console/console.js")).StatusCode);
    }

    [Fact]
    public async Task Outside_test_mode_the_console_is_404_and_no_key_is_written()
    {
        using var app = new TestApp(testMode: false, settings: new Dictionary<string, string> { ["Backoffice:ConsoleApiKeys:0"] = "configured-console-key-0123456789" });
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.GetAsync("/console");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("configured-console-key", body, StringComparison.Ordinal);
        Assert.DoesNotContain("test-console-key", body, StringComparison.Ordinal);
        Assert.DoesNotContain("console.js", body, StringComparison.Ordinal);
    }
}
