using System.Net;
using System.Text.RegularExpressions;

namespace Backoffice.Web.Tests.Support;

/// <summary>
/// Staff pages over HTTP as a browser reaches them: the staff cookie from the sign-in form, the
/// anti-forgery token from the page, redirects not followed so a sign-in or denied redirect shows.
/// </summary>
public static partial class StaffSession
{
    /// <summary>A cookie-keeping client with no one signed in.</summary>
    public static HttpClient CookieClient(this TestApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(app.Address) };

    /// <summary>A client signed in through the sign-in page as a test-mode user; it carries the staff cookie only, no token.</summary>
    public static async Task<HttpClient> CookieSignedInAs(this TestApp app, string username)
    {
        var client = app.CookieClient();
        var form = await client.GetStringAsync("/sign-in");
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username,
            ["Password"] = "Passw0rd!",
            ["__RequestVerificationToken"] = HiddenToken().Match(form).Groups[1].Value,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {username} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>POSTs to a page handler with the page's anti-forgery token, as the pages' script does.</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(this HttpClient client, string pageUrl, string handler)
    {
        var page = await client.GetStringAsync(pageUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{pageUrl}?handler={handler}") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("X-CSRF-TOKEN", MetaToken().Match(page).Groups[1].Value);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
