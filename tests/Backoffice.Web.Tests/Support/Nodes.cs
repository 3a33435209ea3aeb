using System.Net;
using System.Text.RegularExpressions;

namespace Backoffice.Web.Tests.Support;

/// <summary>Extra app nodes on the test database, each listening on its own loopback port as a deployment's nodes do.</summary>
public static partial class Nodes
{
    public static TestApp Started(IReadOnlyDictionary<string, string>? settings = null)
    {
        var node = new TestApp(testMode: true, settings: settings);
        node.UseKestrel(0);
        node.StartServer();
        return node;
    }

    /// <summary>A client of <paramref name="app"/> that keeps its cookies in <paramref name="jar"/> and follows no redirect.</summary>
    public static HttpClient Client(this TestApp app, CookieContainer jar) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar }) { BaseAddress = new Uri(app.Address) };

    /// <summary>The sign-in form's fields for a test-mode user, with the anti-forgery token of the form page given.</summary>
    public static FormUrlEncodedContent SignInForm(string page, string username) =>
        Form(page, new() { ["Username"] = username, ["Password"] = "Passw0rd!" });

    /// <summary>A form's fields with the anti-forgery token of the page it is on.</summary>
    public static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields) =>
        new(fields.Append(new("__RequestVerificationToken", HiddenToken().Match(page).Groups[1].Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}
