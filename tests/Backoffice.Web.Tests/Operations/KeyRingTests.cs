using System.Net;
using Backoffice.Web.Tests.Support;
using Dapper;

namespace Backoffice.Web.Tests.Operations;

/// <summary>Two nodes on one database share the Data Protection key ring: what one signs, the other accepts.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task A_staff_cookie_signed_in_on_one_node_is_accepted_by_another()
    {
        using var first = Nodes.Started();
        using var second = Nodes.Started();
        var jar = new CookieContainer();
        var onFirst = first.Client(jar);
        var form = await onFirst.GetStringAsync("/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, (await onFirst.PostAsync("/sign-in", Nodes.SignInForm(form, "reviewer"))).StatusCode);

        using var inbox = new HttpRequestMessage(HttpMethod.Get, "/inbox");
        inbox.Headers.Add("Cookie", jar.GetCookieHeader(new Uri(first.Address)));
        var onSecond = await second.Client(new CookieContainer()).SendAsync(inbox);

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
    }

    [Fact]
    public async Task A_form_from_one_node_posted_to_another_is_accepted()
    {
        using var first = Nodes.Started();
        using var second = Nodes.Started();
        var jar = new CookieContainer();
        var form = await first.Client(jar).GetStringAsync("/sign-in");

        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = Nodes.SignInForm(form, "reviewer") };
        post.Headers.Add("Cookie", jar.GetCookieHeader(new Uri(first.Address)));
        var posted = await second.Client(new CookieContainer()).SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task The_key_ring_is_in_the_database_and_encrypted()
    {
        var node = TestApp.Instance;
        await node.CookieSignedInAs("reviewer");
        await using var db = await TestApp.OpenDatabaseAsync();

        var keys = (await db.QueryAsync<string>("select xml from data_protection_keys")).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_node_outside_test_mode_without_a_key_ring_secret_refuses_to_start()
    {
        using var node = new TestApp(testMode: false, settings: new Dictionary<string, string> { ["Backoffice:DataProtectionKey"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => node.Services);

        Assert.Contains("Backoffice:DataProtectionKey is not set", error.ToString(), StringComparison.Ordinal);
    }
}
